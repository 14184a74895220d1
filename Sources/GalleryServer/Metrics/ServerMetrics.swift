import Foundation
import Metrics
import Prometheus

/// The server's metrics: request counts and latency by route, indexing figures, errors. Recorded
/// through swift-metrics into a swift-prometheus registry of this server's own (no global
/// bootstrap, so that several servers in one process keep apart) and rendered in the Prometheus
/// text exposition format.
final class ServerMetrics: Sendable {
    /// Latency buckets of `gallery_http_request_duration_seconds`, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Methods counted under their own name; any other is counted as `OTHER` (a client cannot
    /// create series at will).
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    private struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    /// A request's counter and its route's latency histogram.
    private struct RequestHandles: Sendable {
        var count: Metrics.Counter
        var latency: Metrics.Timer
    }

    /// Handles already made, so that a request costs one dictionary lookup and the updates.
    private let requests = HandleCache<RequestKey, RequestHandles>()
    private let errors: Metrics.Counter
    private let imagesIndexed: Metrics.Counter
    private let imagesFailed: Metrics.Counter
    private let queueLength: Metrics.Gauge

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["gallery_http_request_duration_seconds"] = Self.buckets.map {
            .nanoseconds(Int64(($0 * 1e9).rounded()))
        }
        self.factory = factory
        errors = Metrics.Counter(label: "gallery_errors_total", factory: factory)
        imagesIndexed = Metrics.Counter(label: "gallery_images_indexed_total", factory: factory)
        imagesFailed = Metrics.Counter(label: "gallery_images_failed_total", factory: factory)
        queueLength = Metrics.Gauge(label: "gallery_index_queue_length", factory: factory)
    }

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let method = Self.methods.contains(method) ? method : "OTHER"
        let handles = requests.handle(for: RequestKey(method: method, route: route, status: status)) { key in
            RequestHandles(
                count: Metrics.Counter(
                    label: "gallery_http_requests_total",
                    dimensions: [("method", key.method), ("route", key.route), ("status", "\(key.status)")], factory: factory),
                latency: Metrics.Timer(
                    label: "gallery_http_request_duration_seconds", dimensions: [("route", key.route)], factory: factory))
        }
        handles.count.increment()
        handles.latency.recordNanoseconds(Int64((seconds * 1e9).rounded()))
        if status >= 500 { errors.increment() }
    }

    func recordIndexed(added: Int, failed: Int) {
        imagesIndexed.increment(by: added)
        imagesFailed.increment(by: failed)
    }

    func recordError() { errors.increment() }

    func setQueueLength(_ length: Int) { queueLength.record(length) }

    func recordJob(state: String) {
        Metrics.Counter(label: "gallery_jobs_finished_total", dimensions: [("state", state)], factory: factory).increment()
    }

    /// The Prometheus text exposition.
    func render() -> String { registry.emitToString() }
}

/// Metric handles by key, made once.
private final class HandleCache<Key: Hashable & Sendable, Handle: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var handles: [Key: Handle] = [:]

    func handle(for key: Key, make: (Key) -> Handle) -> Handle {
        lock.withLock {
            if let handle = handles[key] { return handle }
            let handle = make(key)
            handles[key] = handle
            return handle
        }
    }
}
