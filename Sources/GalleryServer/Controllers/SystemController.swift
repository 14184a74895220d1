import Foundation
import Hummingbird

/// Health, metrics, the OpenAPI document and its docs page, and the web UI's static files.
struct SystemController {
    let services: GalleryServices
    /// The folder holding index.html, app.js and style.css; nil when not installed.
    let webRoot: URL?

    func addRoutes(to routes: Routes) {
        routes.add(RouteDoc(method: .get, path: "/healthz", summary: "Liveness", tag: "system", response: "Health")) { _, _ in
            try .json(["status": "ok"])
        }
        routes.add(RouteDoc(method: .get, path: "/metrics", summary: "Prometheus metrics", tag: "system", response: "text/plain")) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: services.metrics.render())))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/openapi.json", summary: "This API's OpenAPI 3.1 document", tag: "system", response: "application/json"
            )
        ) {
            _, _ in
            let data = try JSONSerialization.data(
                withJSONObject: OpenAPIDocument.build(routes.docs), options: [.sortedKeys, .withoutEscapingSlashes])
            return .file(data, contentType: "application/json; charset=utf-8")
        }
        routes.add(RouteDoc(method: .get, path: "/docs", summary: "API documentation page (offline)", tag: "system", response: "text/html"))
        { _, _ in
            .file(Data(DocsPage.html.utf8), contentType: "text/html; charset=utf-8")
        }
        for (path, file, type) in [
            ("/", "index.html", "text/html; charset=utf-8"), ("/app.js", "app.js", "text/javascript; charset=utf-8"),
            ("/people.js", "people.js", "text/javascript; charset=utf-8"), ("/style.css", "style.css", "text/css; charset=utf-8"),
            ("/albums.js", "albums.js", "text/javascript; charset=utf-8"),
            ("/duplicates.js", "duplicates.js", "text/javascript; charset=utf-8"),
            ("/timeline.js", "timeline.js", "text/javascript; charset=utf-8"), ("/map.js", "map.js", "text/javascript; charset=utf-8"),
            ("/colors.js", "colors.js", "text/javascript; charset=utf-8"),
        ] {
            routes.add(RouteDoc(method: .get, path: path, summary: "Web UI: \(file)", tag: "web", response: type)) { _, _ in
                guard let webRoot, let data = FileManager.default.contents(atPath: webRoot.appendingPathComponent(file).path) else {
                    if file == "index.html" {
                        return .file(
                            Data(
                                "<!doctype html><title>Smart Gallery</title><p>The web UI is not installed; the API is at /api/v1 (see /docs)."
                                    .utf8), contentType: type)
                    }
                    throw APIError.notFound("\(file) is not installed")
                }
                return .file(data, contentType: type)
            }
        }
    }

    /// Where the web UI's files are: `override`, else SwiftPM's resource bundle next to the
    /// executable (`smart-gallery_GalleryServer.resources/web`).
    static func findWebRoot(override: URL?) -> URL? {
        if let override { return override }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for bundle in ["smart-gallery_GalleryServer.resources", "GalleryServer_GalleryServer.resources"] {
            let candidate = executable.appendingPathComponent(bundle).appendingPathComponent("web")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("index.html").path) { return candidate }
        }
        return nil
    }
}
