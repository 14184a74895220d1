import Foundation
import GalleryCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Downloads an image by URL: http and https only, public hosts only (``AddressPolicy``), a size
/// and a time limit, redirects only to http or https public hosts, and the bytes must look like an
/// image.
struct URLFetcher: Sendable {
    let maxBytes: Int64
    let timeout: Double
    /// Which hosts may be fetched (public addresses only, unless configured).
    let addresses: AddressPolicy

    /// The bytes at `address`.
    /// - Throws: ``APIError`` 400 for a bad URL, 413 when too large, 502 when the fetch fails,
    ///   415 when the content is not an image.
    func fetch(_ address: String) async throws -> Data {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw APIError.badRequest("image_url must be an http or https URL")
        }
        try addresses.check(host: url.host!)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        let delegate = FetchDelegate(maxBytes: maxBytes, addresses: addresses)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            delegate.continuation = continuation
            session.dataTask(with: request).resume()
        }
        guard ImageFormat.sniffHeader(data) != nil else {
            throw APIError.unsupportedMedia("the content at the URL is not an image Smart Gallery can read")
        }
        return data
    }
}

extension ImageFormat {
    static func sniffHeader(_ data: Data) -> ImageFormat? { sniff(Array(data.prefix(sniffLength))) }
}

/// Collects a download, stops it past the size limit and refuses redirects to other schemes.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let maxBytes: Int64
    let addresses: AddressPolicy
    private let lock = NSLock()
    private var data = Data()
    private var failure: APIError?
    var continuation: CheckedContinuation<Data, any Error>?

    init(maxBytes: Int64, addresses: AddressPolicy) {
        self.maxBytes = maxBytes
        self.addresses = addresses
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let scheme = request.url?.scheme?.lowercased() ?? ""
        if ["http", "https"].contains(scheme) {
            do {
                try addresses.check(host: request.url?.host ?? "")
                completionHandler(request)
            } catch let error as APIError {
                lock.withLock { failure = error }
                completionHandler(nil)
            } catch {
                completionHandler(nil)
            }
        } else {
            lock.withLock { failure = APIError.badGateway("the URL redirects to a '\(scheme)' URL; only http and https are followed") }
            completionHandler(nil)
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            lock.withLock { failure = APIError.badGateway("the URL answered HTTP \(http.statusCode)") }
            completionHandler(.cancel)
            return
        }
        if response.expectedContentLength > maxBytes {
            lock.withLock { failure = APIError.tooLarge("the image at the URL is larger than \(maxBytes) bytes") }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        let over = lock.withLock { () -> Bool in
            data.append(chunk)
            if Int64(data.count) > maxBytes {
                failure = APIError.tooLarge("the image at the URL is larger than \(maxBytes) bytes")
                return true
            }
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (result, continuation) = lock.withLock { () -> (Result<Data, any Error>, CheckedContinuation<Data, any Error>?) in
            let pending = self.continuation
            self.continuation = nil
            if let failure { return (.failure(failure), pending) }
            if let error { return (.failure(APIError.badGateway("cannot fetch the URL: \(error.localizedDescription)")), pending) }
            if task.response == nil { return (.failure(APIError.badGateway("the URL gave no response")), pending) }
            return (.success(data), pending)
        }
        continuation?.resume(with: result)
    }
}
