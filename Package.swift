// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gws-interactions-conformance",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "conformance", targets: ["conformance"]),
        .library(name: "ConformanceKit", targets: ["ConformanceKit"]),
        .library(name: "ConformanceRunner", targets: ["ConformanceRunner"]),
        .library(name: "ConformanceExplore", targets: ["ConformanceExplore"]),
        .library(name: "ConformanceReport", targets: ["ConformanceReport"]),
        .library(name: "ConformanceCatalog", targets: ["ConformanceCatalog"]),
        .library(name: "ReferenceServer", targets: ["ReferenceServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        .target(name: "ConformanceJSON"),
        // An executable model of the document for `explore`: written from the document, sharing no code with the
        // reference server.
        .target(name: "ConformanceModel"),
        // The results model and its renderers: no networking, no YAML.
        .target(name: "ConformanceReport", dependencies: ["ConformanceJSON"]),
        // The catalog, target profiles and baselines as read from YAML: no networking.
        .target(
            name: "ConformanceCatalog",
            dependencies: [
                "ConformanceJSON",
                "ConformanceReport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Bayeux",
            dependencies: [
                "ConformanceJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The runtime both the runner and the explorer stand on: the HTTP client, credentials, breaker, reachability,
        // deadlines, fixtures, notification sessions, the pure Judge, one marker barrier and one request sender.
        .target(
            name: "ConformanceKit",
            dependencies: [
                "ConformanceJSON",
                "ConformanceReport",
                "ConformanceCatalog",
                "Bayeux",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // `conformance run`: the catalog's cases against a target, with agent leases, golden recording and the
        // reading report.
        .target(
            name: "ConformanceRunner",
            dependencies: [
                "ConformanceKit",
                "ConformanceJSON",
                "ConformanceReport",
                "ConformanceCatalog",
                "Bayeux",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // `conformance explore`: random operation sequences judged by the model (its only user), shrunk and written
        // as catalog cases.
        .target(
            name: "ConformanceExplore",
            dependencies: [
                "ConformanceKit",
                "ConformanceModel",
                "ConformanceJSON",
                "ConformanceReport",
                "ConformanceCatalog",
                "Bayeux",
            ]
        ),
        // The reference server is the suite's oracle: it keeps its own JSON types (JSONValue, JSONObject) and shares
        // no code with the suite (not ConformanceJSON), so a bug in the parser under test cannot hide in both.
        .target(
            name: "ReferenceServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "EmbeddedTarget",
            dependencies: [
                "ConformanceKit",
                "ConformanceRunner",
                "ConformanceCatalog",
                "ConformanceReport",
                "ReferenceServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The catalog embedded in the binary: specs/ and golden/ as generated source (the EmbedCatalog plugin).
        .executableTarget(name: "CatalogEmbedder"),
        .plugin(name: "EmbedCatalog", capability: .buildTool(), dependencies: ["CatalogEmbedder"]),
        .target(name: "BundledCatalog", plugins: ["EmbedCatalog"]),
        .executableTarget(
            name: "conformance",
            dependencies: [
                "BundledCatalog",
                "ConformanceKit",
                "ConformanceRunner",
                "ConformanceExplore",
                "ConformanceCatalog",
                "ConformanceReport",
                "ReferenceServer",
                "EmbeddedTarget",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ConformanceJSONTests", dependencies: ["ConformanceJSON"]),
        .testTarget(name: "ConformanceModelTests", dependencies: ["ConformanceModel"]),
        .testTarget(name: "ConformanceReportTests", dependencies: ["ConformanceReport"]),
        .testTarget(
            name: "BayeuxTests",
            dependencies: [
                "Bayeux",
                "ConformanceJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ReferenceServerTests",
            dependencies: [
                "ReferenceServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "RobustnessTests",
            dependencies: [
                "ConformanceKit",
                "ConformanceJSON",
                "ConformanceReport",
                "ConformanceCatalog",
                "ConformanceRunner",
                "ReferenceServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "CommandLineTests",
            dependencies: [
                "conformance", "ConformanceCatalog", "ConformanceKit", "ConformanceReport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // What several test targets share: the repository's root and a checker for the published JSON schemas.
        .target(
            name: "TestSupport", dependencies: ["ConformanceJSON", "ConformanceReport"], path: "Tests/TestSupport"),
        .testTarget(
            name: "ConformanceCatalogTests",
            dependencies: ["ConformanceCatalog", "ConformanceJSON", "ConformanceReport", "TestSupport"]
        ),
        .testTarget(
            name: "ConformanceKitTests",
            dependencies: ["ConformanceKit", "ConformanceCatalog", "ConformanceJSON", "ConformanceReport", "Bayeux"]
        ),
        .testTarget(
            name: "ConformanceExploreTests",
            dependencies: [
                "ConformanceExplore", "ConformanceKit", "ConformanceModel", "ConformanceCatalog", "ConformanceJSON",
                "ConformanceReport", "EmbeddedTarget", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "ConformanceRunnerTests",
            dependencies: [
                "ConformanceRunner", "ConformanceKit", "ConformanceJSON", "ConformanceReport", "ConformanceCatalog",
                "ReferenceServer", "EmbeddedTarget", "Bayeux", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The report snapshots, read by path (#filePath), not bundled.
            exclude: ["Snapshots"]
        ),
    ]
)
