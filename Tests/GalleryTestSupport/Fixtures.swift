import Foundation

/// Locates the real test data fetched by `scripts/fetch-fixtures.sh` (see ../shared/DATA.md).
///
/// The data is never committed; the test command fetches it before running the tests. A missing
/// folder is a test failure with instructions, never a silent skip.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // GalleryTestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }()

    /// `.cache/fixtures` under the repository root, or `GALLERY_FIXTURES` when set.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["GALLERY_FIXTURES"] {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.appendingPathComponent(".cache/fixtures")
    }()

    /// A fixture folder or file, e.g. `Fixtures.url("pillow-heif/pug.heic")`.
    public static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError.missing(url.path)
        }
        return url
    }

    /// A fixture's path string.
    public static func path(_ relativePath: String) throws -> String {
        try url(relativePath).path
    }
}

/// A fixture that the set-up did not fetch.
public enum FixtureError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path): "fixture \(path) is missing: run scripts/fetch-fixtures.sh"
        }
    }
}
