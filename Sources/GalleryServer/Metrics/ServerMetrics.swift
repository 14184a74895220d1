import Foundation

/// A small Prometheus registry: request counts and latency by route, indexing figures, errors.
/// Written by hand (no swift-metrics backend) and rendered in the text exposition format.
final class ServerMetrics: @unchecked Sendable {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var latency: [String: Histogram] = [:]
    private var errors = 0
    private var imagesIndexed = 0
    private var imagesFailed = 0
    private var queueLength = 0
    private var jobsFinished: [String: Int] = [:]

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        lock.withLock {
            requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            var histogram = latency[route] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            latency[route] = histogram
            if status >= 500 { errors += 1 }
        }
    }

    func recordIndexed(added: Int, failed: Int) {
        lock.withLock {
            imagesIndexed += added
            imagesFailed += failed
        }
    }

    func recordError() { lock.withLock { errors += 1 } }

    func setQueueLength(_ length: Int) { lock.withLock { queueLength = length } }

    func recordJob(state: String) { lock.withLock { jobsFinished[state, default: 0] += 1 } }

    /// The Prometheus text exposition.
    func render() -> String {
        lock.withLock {
            var out = ""
            out += "# HELP gallery_http_requests_total HTTP requests by method, route and status.\n"
            out += "# TYPE gallery_http_requests_total counter\n"
            for (key, value) in requests.sorted(by: {
                "\($0.key.route)\($0.key.method)\($0.key.status)" < "\($1.key.route)\($1.key.method)\($1.key.status)"
            }) {
                out +=
                    "gallery_http_requests_total{method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(value)\n"
            }
            out += "# HELP gallery_http_request_duration_seconds Request latency by route.\n"
            out += "# TYPE gallery_http_request_duration_seconds histogram\n"
            for (route, histogram) in latency.sorted(by: { $0.key < $1.key }) {
                let label = "route=\"\(Self.escape(route))\""
                for (index, bound) in Self.buckets.enumerated() {
                    out += "gallery_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(histogram.counts[index])\n"
                }
                out += "gallery_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)\n"
                out += "gallery_http_request_duration_seconds_sum{\(label)} \(histogram.sum)\n"
                out += "gallery_http_request_duration_seconds_count{\(label)} \(histogram.count)\n"
            }
            out += "# HELP gallery_images_indexed_total Images added or updated by the server's indexing.\n"
            out += "# TYPE gallery_images_indexed_total counter\n"
            out += "gallery_images_indexed_total \(imagesIndexed)\n"
            out += "# HELP gallery_images_failed_total Images the server's indexing could not read.\n"
            out += "# TYPE gallery_images_failed_total counter\n"
            out += "gallery_images_failed_total \(imagesFailed)\n"
            out += "# HELP gallery_index_queue_length Index jobs queued or running.\n"
            out += "# TYPE gallery_index_queue_length gauge\n"
            out += "gallery_index_queue_length \(queueLength)\n"
            out += "# HELP gallery_jobs_finished_total Index jobs by final state.\n"
            out += "# TYPE gallery_jobs_finished_total counter\n"
            for (state, value) in jobsFinished.sorted(by: { $0.key < $1.key }) {
                out += "gallery_jobs_finished_total{state=\"\(state)\"} \(value)\n"
            }
            out += "# HELP gallery_errors_total Server errors (5xx responses and failed jobs).\n"
            out += "# TYPE gallery_errors_total counter\n"
            out += "gallery_errors_total \(errors)\n"
            return out
        }
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
