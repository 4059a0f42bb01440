import ConformanceReport
import ConformanceRunner

/// Proves the catalog fails no reading of the document: runs it against a target following each alternative
/// alone, and every non-default alternative at once; each run must have no FAIL and no ERROR.
public enum ReadingMatrix {
    /// One configuration of the target: the `NAME=ALTERNATIVE` readings it follows (empty: the defaults).
    public struct Configuration: Sendable, Hashable {
        public var name: String
        public var readings: [String]
        /// The conformant-but-different variant of the target, rather than its readings alone.
        public var variant: Bool
        /// How the target is deployed (the reference server's `--deploy` traits): none changes what is conformant.
        public var deployment: [String]
        /// The media types the clean run covers (empty: every one the target serves).
        public var mediaTypes: [String]

        public init(
            name: String, readings: [String], variant: Bool = false, deployment: [String] = [],
            mediaTypes: [String] = []
        ) {
            self.name = name
            self.readings = readings
            self.variant = variant
            self.deployment = deployment
            self.mediaTypes = mediaTypes
        }
    }

    /// What the catalog made of one configuration.
    public struct Outcome: Sendable, Hashable, Codable {
        public var name: String
        public var readings: [String]
        public var summary: RunResult.Summary
        /// `case: first deviation or error` for every FAIL or ERROR.
        public var failing: [String]
        /// For each configured reading, what the run's report says the target follows (empty: not observed).
        public var reported: [String: [String]]
        public var durationMs: Int
        public var problem: String?

        /// No FAIL, no ERROR, and the run happened.
        public var clean: Bool { problem == nil && summary.fail == 0 && summary.error == 0 }
    }

    /// Judges one run.
    public static func outcome(_ configuration: Configuration, _ result: RunResult) -> Outcome {
        var reported: [String: [String]] = [:]
        for text in configuration.readings {
            guard let observation = Observation(text),
                let reading = result.readings?.first(where: { $0.name == observation.reading })
            else { continue }
            reported[observation.reading] = reading.followed.map(\.name)
        }
        return Outcome(
            name: configuration.name,
            readings: configuration.readings,
            summary: result.summary,
            failing: result.cases.filter { $0.verdict == .fail || $0.verdict == .error }.map { failing in
                "\(failing.id): "
                    + (failing.deviations.first.map { "\($0.requirement) \($0.message)" } ?? failing.error ?? "")
            },
            reported: reported,
            durationMs: result.durationMs,
            problem: nil
        )
    }

    /// Runs every configuration, `jobs` at a time; outcomes come back in the order given.
    public static func run(
        _ configurations: [Configuration],
        jobs: Int,
        runWith: @escaping @Sendable (Configuration) async throws -> RunResult
    ) async -> [Outcome] {
        await BoundedMap.map(configurations, jobs: jobs) { configuration in
            do {
                return outcome(configuration, try await runWith(configuration))
            } catch {
                return Outcome(
                    name: configuration.name, readings: configuration.readings, summary: RunResult.Summary([]),
                    failing: [], reported: [:], durationMs: 0, problem: String(describing: error)
                )
            }
        }
    }

    /// The readings table `conformance selftest` prints: per configuration, the counts and what the report said.
    public static func table(_ outcomes: [Outcome]) -> String {
        let width = max(13, outcomes.map(\.name.count).max() ?? 0)
        var lines = [
            "Readings and deployments (each must pass: 0 FAIL, 0 ERROR):",
            "configuration".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  result  PASS NOTE WARN FAIL ERROR  reported as",
        ]
        for outcome in outcomes {
            let result = outcome.clean ? "clean " : "FAILED"
            let counts =
                [outcome.summary.pass, outcome.summary.note, outcome.summary.warn, outcome.summary.fail]
                .map { String($0).leftPadded(4) }.joined(separator: " ") + " "
                + String(outcome.summary.error).leftPadded(5)
            let reported =
                outcome.problem.map { "could not run: \($0)" }
                ?? (outcome.readings.isEmpty
                    ? "default readings"
                    : outcome.readings.count == 1
                        ? outcome.reported.values.first.map { $0.isEmpty ? "not observed" : $0.joined(separator: ", ") }
                            ?? "-"
                        : "\(outcome.readings.count) readings at once")
            lines.append(
                outcome.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  \(result)  \(counts)  \(reported)")
            for failing in outcome.failing.prefix(5) { lines.append("    \(failing)") }
        }
        let clean = outcomes.filter(\.clean).count
        lines.append("Readings and deployments: \(clean)/\(outcomes.count) configurations clean")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
