// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["RapportCLI"]),
        .executable(name: "rapport-fuzz", targets: ["RapportFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Pure text analysis: standard library and Foundation only.
        .target(name: "RapportAnalysis", swiftSettings: swiftSettings),
        // Domain model and listening rules: pure.
        .target(name: "RapportCore", dependencies: ["RapportAnalysis"], swiftSettings: swiftSettings),
        // Platform payload parsers: pure.
        .target(name: "RapportFormats", dependencies: ["RapportCore"], swiftSettings: swiftSettings),
        // Realistic synthetic traffic: pure.
        .target(name: "RapportSimulation", swiftSettings: swiftSettings),
        // Pure: what each network accepts in a post (text length, links as facets, images by content) — #17.
        .target(name: "RapportPublish", swiftSettings: swiftSettings),
        // Crisis and spike detection on the posts' own timestamps: pure.
        .target(name: "RapportInsight", swiftSettings: swiftSettings),
        // Share: the knowledge base's safe Markdown, suggestion ranking and personal-data removal. Pure.
        .target(name: "RapportShare", dependencies: ["RapportAnalysis"], swiftSettings: swiftSettings),
        // Create: the customer community's rules (idea ranking, points and ranks, moderation screening). Pure.
        .target(name: "RapportCommunity", dependencies: ["RapportAnalysis"], swiftSettings: swiftSettings),
        // The desk: conversations, threading, routing, SLA clocks, identity resolution, canned replies. Pure.
        .target(name: "RapportDesk", dependencies: ["RapportCore", "RapportAnalysis"], swiftSettings: swiftSettings),
        // Send side of the connectors: replies in the customer's channel, retry policy, SMTP. Self-contained.
        .target(
            name: "RapportOutbound",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Persistence over SQLKit (SQLite and PostgreSQL).
        .target(
            name: "RapportStore",
            dependencies: [
                "RapportCore", "RapportDesk", "RapportInsight", "RapportPublish", "RapportCommunity",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The pipeline (parse → analyse → match → store → broadcast) and pull connectors.
        .target(
            name: "RapportIngest",
            dependencies: [
                "RapportCore", "RapportFormats", "RapportAnalysis", "RapportStore", "RapportSimulation", "RapportDesk",
                "RapportOutbound", "RapportInsight",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP API, webhooks, SSE.
        .target(
            name: "RapportServer",
            dependencies: [
                "RapportCore", "RapportFormats", "RapportStore", "RapportIngest", "RapportAnalysis", "RapportDesk",
                "RapportInsight", "RapportOutbound", "RapportShare", "RapportPublish", "RapportCommunity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Web/Assets")],
            swiftSettings: swiftSettings
        ),
        // Benchmark code `rapport bench …` runs (like Hummingbird's Benchmarks/): kept out of the production modules.
        .target(
            name: "RapportBenchmarks",
            dependencies: [
                "RapportAnalysis", "RapportCore", "RapportFormats", "RapportIngest", "RapportInsight",
                "RapportOutbound",
                "RapportServer", "RapportShare", "RapportSimulation", "RapportStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RapportCLI",
            dependencies: [
                "RapportServer", "RapportBenchmarks", "RapportIngest", "RapportStore", "RapportFormats",
                "RapportAnalysis", "RapportShare", "RapportCommunity",
                "RapportSimulation", "RapportCore", "RapportDesk", "RapportOutbound", "RapportInsight",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Seeded mutation fuzzing of every parser of strangers' input (docs/security.md).
        .executableTarget(
            name: "RapportFuzz", dependencies: ["RapportFormats", "RapportCore", "RapportStore"],
            swiftSettings: swiftSettings),
        .testTarget(name: "RapportPublishTests", dependencies: ["RapportPublish"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportAnalysisTests", dependencies: ["RapportAnalysis", "RapportBenchmarks"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportDeskTests", dependencies: ["RapportDesk", "RapportCore", "RapportAnalysis"],
            swiftSettings: swiftSettings),
        .testTarget(name: "RapportShareTests", dependencies: ["RapportShare"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportCommunityTests", dependencies: ["RapportCommunity", "RapportAnalysis"],
            swiftSettings: swiftSettings),
        .testTarget(name: "RapportInsightTests", dependencies: ["RapportInsight"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportOutboundTests",
            dependencies: [
                "RapportOutbound",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportFormatsTests", dependencies: ["RapportFormats"], resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        .testTarget(name: "RapportSimulationTests", dependencies: ["RapportSimulation"], swiftSettings: swiftSettings),
        .target(
            name: "RapportTestSupport",
            dependencies: [
                "RapportStore", .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/RapportTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportStoreTests",
            dependencies: [
                "RapportStore", "RapportCore", "RapportTestSupport", "RapportInsight", "RapportCommunity",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RapportServerTests",
            dependencies: [
                "RapportServer", "RapportIngest", "RapportStore", "RapportSimulation", "RapportTestSupport",
                "RapportShare", "RapportCommunity",
                "RapportCore", "RapportAnalysis", "RapportDesk", "RapportOutbound", "RapportInsight",
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
