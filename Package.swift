// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "smart-gallery",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gallery", targets: ["gallery"]),
        .library(name: "GalleryCore", targets: ["GalleryCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "CVipsShim",
            dependencies: ["CVips"],
            cSettings: [.unsafeFlags(["-O2"])],
            // HEIF/AVIF previews decode through libheif directly (see CVipsShim.h).
            linkerSettings: [.linkedLibrary("heif")]
        ),
        .target(
            name: "CPillowResample",
            // Optimised in every configuration: the model input of every photo goes through it.
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        .target(
            name: "COnnxRuntime",
            cSettings: [.unsafeFlags(["-O2"])],
            // ONNX Runtime is opened at run time with dlopen (see OnnxRuntime.swift), never linked.
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(
            name: "CDlibShim",
            // Optimised in every configuration: dlib at -O0 is tens of times slower.
            cxxSettings: [.unsafeFlags(["-O2"])],
            // As `pkg-config --libs dlib-1` says: Debian's dlib is built with BLAS and LAPACK, and
            // its headers make the shim's own objects call them (OpenBLAS through alternatives).
            linkerSettings: [.linkedLibrary("dlib"), .linkedLibrary("blas"), .linkedLibrary("lapack")]
        ),
        .target(
            name: "CVectorKernels",
            // Optimised in every configuration: the vector scan is the search's inner loop.
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        .target(
            name: "GalleryCore",
            dependencies: [
                "CVipsShim",
                "CPillowResample",
                "CVectorKernels",
                "CDlibShim",
                "COnnxRuntime",
                "COpenBLAS",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "HeapModule", package: "swift-collections"),
                // Object storage: the S3 client (Storage/S3) and streamed object bodies.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                // The PostgreSQL + pgvector embedding store (Search/EmbeddingStore/Postgres).
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "GalleryServer",
            dependencies: [
                "GalleryCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/web")]
        ),
        .executableTarget(
            name: "gallery",
            dependencies: [
                "GalleryCore",
                "GalleryServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "gallery-bench",
            dependencies: [
                "GalleryCore",
                "COpenBLAS",
                // SplitMix64, for synthetic vectors drawn fast and the same on every run.
                "GalleryTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "GalleryTestSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/GalleryTestSupport"
        ),
        .testTarget(
            name: "GalleryCoreTests",
            dependencies: ["GalleryCore", "GalleryTestSupport"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GalleryCore", "GalleryTestSupport"]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: ["GalleryTestSupport", "GalleryServer", "GalleryCore", .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ],
    swiftLanguageModes: [.v6],
    // dlib 19.24's headers are C++17.
    cxxLanguageStandard: .cxx17
)
