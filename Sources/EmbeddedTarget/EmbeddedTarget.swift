import AsyncHTTPClient
import ConformanceKit
import Foundation
import ReferenceServer

/// The embedded default: the bundled reference server started in-process on an ephemeral loopback port,
/// certified by the runner, and stopped again.
public enum EmbeddedTarget {
    /// How to start the embedded server.
    public struct Options: Sendable {
        /// Names of `--deviate` switches.
        public var deviations: [String] = []
        /// The conformant-but-different variant.
        public var variant = false
        /// Overrides the profile's notification deadline (tests shorten it).
        public var notificationTimeout: Duration?

        public init(deviations: [String] = [], variant: Bool = false, notificationTimeout: Duration? = nil) {
            self.deviations = deviations
            self.variant = variant
            self.notificationTimeout = notificationTimeout
        }
    }

    /// A switch name that the reference server does not have.
    public struct UnknownSwitch: Error, Sendable, CustomStringConvertible {
        public var name: String

        public init(name: String) {
            self.name = name
        }

        public var description: String {
            "--deviate '\(name)' is unknown; `conformance serve --list-deviations` lists the switches"
        }
    }

    /// Every deviation switch of the reference server, with the requirement it breaks.
    public static var switches: [MutationTest.Switch] {
        ServerSwitch.allCases.map { MutationTest.Switch(name: $0.rawValue, summary: $0.summary, expected: $0.breaks) }
    }

    /// The profile name a run reports.
    public static func name(_ options: Options) -> String {
        var name = options.variant ? "Embedded reference server (variant)" : "Embedded reference server"
        if !options.deviations.isEmpty { name += " (deviating: \(options.deviations.joined(separator: ", ")))" }
        return name
    }

    /// Starts the server, runs the catalog against it, stops it.
    public static func run(
        catalog: Catalog,
        runOptions: RunOptions,
        options: Options,
        httpClient: HTTPClient,
        progress: @escaping @Sendable (Runner.Event) async -> Void
    ) async throws -> Result<RunResult, Runner.Unreachable> {
        var deviations = Set<ServerSwitch>()
        for name in options.deviations {
            guard let deviation = ServerSwitch(rawValue: name) else { throw UnknownSwitch(name: name) }
            deviations.insert(deviation)
        }
        var configuration = ReferenceServerConfiguration.generated(deviations: deviations)
        // Three agents per case that may run at once (cases lease agents in groups of three).
        configuration.agents = agents(count: 3 * max(1, runOptions.jobs))
        configuration.variant = options.variant
        return try await ReferenceServer.withRunning(configuration) { server in
            var profile = try TargetProfile.parse(
                yaml: server.profileYAML(name: name(options)), file: "embedded profile")
            if let timeout = options.notificationTimeout { profile.timeouts.notification = timeout }
            do {
                let result = try await Runner(catalog: catalog, profile: profile, options: runOptions)
                    .run(httpClient: httpClient, progress: progress)
                return .success(result)
            } catch let unreachable as Runner.Unreachable {
                return .failure(unreachable)
            }
        }
    }

    /// Agents `agent-1`... with passwords fresh for this process.
    static func agents(count: Int) -> [Account] {
        (1...max(3, count)).map { index in
            Account(id: "agent-\(index)", username: "agent\(index)", password: "pw-" + UUID().uuidString.prefix(12))
        }
    }

    /// Runs the catalog once per switch (`jobs` at a time) and once against the variant.
    public static func selfTest(
        catalog: Catalog,
        jobs: Int,
        httpClient: HTTPClient,
        only: [String] = [],
        notificationTimeout: Duration? = nil,
        progress: @escaping @Sendable (MutationTest.Outcome) async -> Void = { _ in }
    ) async throws -> (outcomes: [MutationTest.Outcome], variant: RunResult) {
        let selected = switches.filter { only.isEmpty || only.contains($0.name) }
        async let variantRun = run(
            catalog: catalog,
            runOptions: RunOptions(),
            options: Options(variant: true, notificationTimeout: notificationTimeout),
            httpClient: httpClient
        ) { _ in }
        let outcomes = await MutationTest.run(
            selected, jobs: max(1, jobs - 1), progress: progress,
            runWith: { mutation in
                let result = try await run(
                    catalog: catalog,
                    runOptions: RunOptions(),
                    options: Options(deviations: [mutation.name], notificationTimeout: notificationTimeout),
                    httpClient: httpClient
                ) { _ in }
                return try result.get()
            })
        return (outcomes, try await variantRun.get())
    }
}
