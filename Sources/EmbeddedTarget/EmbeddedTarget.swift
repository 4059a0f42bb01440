import AsyncHTTPClient
import ConformanceCatalog
import ConformanceReport
import ConformanceRunner
import Foundation
import ReferenceServer

/// The embedded default: the bundled reference server started in-process on an ephemeral loopback port,
/// certified by the runner, and stopped again.
public enum EmbeddedTarget {
    /// How to start the embedded server.
    public struct Options: Sendable {
        /// Names of `--deviate` switches.
        public var deviations: [String] = []
        /// `--reading` choices, each `NAME=ALTERNATIVE` (see ``readingAlternatives``).
        public var readings: [String] = []
        /// The conformant-but-different variant.
        public var variant = false
        /// Overrides the profile's notification deadline (tests shorten it).
        public var notificationTimeout: Duration?
        /// Overrides the profile's quiet period (the wait per step once no notification has ever arrived).
        public var quietPeriod: Duration?
        /// Names of `--deploy` traits (see ``deploymentNames``).
        public var deployment: [String] = []
        /// The mean delay of notifications (`--notification-latency`).
        public var notificationLatency: Duration?
        /// Serve HTTPS with a lab CA made at start (`--tls`); the profile trusts that CA.
        public var tls = false
        /// With `tls`: refuse clients without a certificate the lab CA signed; the profile presents one.
        public var clientCertificate = false

        public init(
            deviations: [String] = [],
            readings: [String] = [],
            variant: Bool = false,
            notificationTimeout: Duration? = nil,
            quietPeriod: Duration? = nil
        ) {
            self.deviations = deviations
            self.readings = readings
            self.variant = variant
            self.notificationTimeout = notificationTimeout
            self.quietPeriod = quietPeriod
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

    /// A `--reading` that is not `NAME=ALTERNATIVE` of the reference server.
    public struct UnknownReading: Error, Sendable, CustomStringConvertible {
        /// The argument as given.
        public var assignment: String
        public var description: String

        init(assignment: String, error: ReadingError) {
            self.assignment = assignment
            self.description = error.description(listedBy: "`conformance serve --list-readings`")
        }
    }

    /// Checks `--reading` arguments (each `NAME=ALTERNATIVE`); throws the first that the server cannot follow.
    public static func validate(readings assignments: [String]) throws(UnknownReading) {
        _ = try readings(assignments)
    }

    /// For each reading of the reference server, in order, its non-default alternatives as `NAME=ALTERNATIVE`.
    public static var readingAlternatives: [(reading: String, alternatives: [String])] {
        Reading.allCases.map { reading in
            (reading.rawValue, reading.alternatives.dropFirst().map { "\(reading.rawValue)=\($0.name)" })
        }
    }

    /// Every reading at a non-default alternative (the last, for a reading with several), as `NAME=ALTERNATIVE`:
    /// one run of the catalog with all of them covers every reading.
    public static var everyReadingNonDefault: [String] {
        readingAlternatives.compactMap(\.alternatives.last)
    }

    static func readings(_ assignments: [String]) throws(UnknownReading) -> Readings {
        do {
            return try Readings(parsing: assignments)
        } catch {
            let assignment = assignments.first { (try? Readings.assignment($0)) == nil } ?? assignments.last ?? ""
            throw UnknownReading(assignment: assignment, error: error)
        }
    }

    /// The media types the embedded server serves (its profile lists them all).
    public static var mediaTypes: [String] { ReferenceServerConfiguration(agents: [], admin: nil).mediaTypes }

    /// The names of the reference server's deployment traits (`--deploy`).
    public static var deploymentNames: [String] { DeploymentTrait.allCases.map(\.rawValue) }

    /// Each deployment trait with what it does.
    public static var deployments: [(name: String, summary: String)] {
        DeploymentTrait.allCases.map { ($0.rawValue, $0.summary) }
    }

    /// The names of the reference server's deviation switches.
    public static var switchNames: [String] { Switch.allCases.map(\.rawValue) }

    /// Every deviation switch of the reference server, with the requirements the catalog's
    /// `specs/mutations.yaml` says it breaks.
    public static func switches(in catalog: Catalog) throws(InputFileError) -> [MutationTest.Switch] {
        var problems = mutationProblems(catalog)
        guard problems.isEmpty else {
            var first = problems.removeFirst()
            first.others = problems
            throw first
        }
        return Switch.allCases.compactMap { server in
            catalog.mutation(server.rawValue).map {
                MutationTest.Switch(
                    name: server.rawValue, summary: server.summary, expected: $0.breaks, sites: $0.sites,
                    inert: $0.inert, mediaTypes: $0.mediaTypes)
            }
        }
    }

    /// A switch of the server that `specs/mutations.yaml` does not list, or an entry that names no switch.
    public static func mutationProblems(_ catalog: Catalog) -> [InputFileError] {
        let file = catalog.mutations.first?.file ?? "specs/mutations.yaml"
        let missing = Switch.allCases.filter { catalog.mutation($0.rawValue) == nil }.map {
            InputFileError(
                file: file,
                message: "the reference server's switch '\($0.rawValue)' (\($0.summary)) is not listed; add it with "
                    + "the requirements it breaks")
        }
        let unknown = catalog.mutations.filter { Switch(rawValue: $0.name) == nil }.map {
            InputFileError(
                file: $0.file, line: $0.line,
                message: "'\($0.name)' is not a switch of the reference server (`conformance serve "
                    + "--list-deviations` lists them)")
        }
        let media = catalog.mutations.flatMap { mutation in
            mutation.mediaTypes.filter { !mediaTypes.contains($0) }.map {
                InputFileError(
                    file: mutation.file, line: mutation.line,
                    message: "switch '\(mutation.name)' names media type '\($0)', which the reference server does "
                        + "not serve (\(mediaTypes.joined(separator: ", ")))")
            }
        }
        return missing + unknown + media
    }

    /// The profile name a run reports.
    public static func name(_ options: Options) -> String {
        var name = options.variant ? "Embedded reference server (variant)" : "Embedded reference server"
        if !options.deviations.isEmpty { name += " (deviating: \(options.deviations.joined(separator: ", ")))" }
        let readings = (try? self.readings(options.readings).nonDefault) ?? options.readings
        if !readings.isEmpty { name += " (reading: \(readings.joined(separator: ", ")))" }
        if !options.deployment.isEmpty { name += " (deployed with: \(options.deployment.joined(separator: ", ")))" }
        if let latency = options.notificationLatency { name += " (notification latency \(latency))" }
        if options.tls { name += " (over TLS)" }
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
        // Enough agents for `jobs` three-agent cases at once (a case leases the one to three agents it uses).
        try await withServer(options, agents: 3 * max(1, runOptions.jobs)) { profile in
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
    public static func agents(count: Int) -> [Account] {
        (1...max(3, count)).map { index in
            Account(id: "agent-\(index)", username: "agent\(index)", password: "pw-" + UUID().uuidString.prefix(12))
        }
    }
}
