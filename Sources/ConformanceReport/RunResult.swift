import Foundation

/// The outcome of a whole run: the JSON report's content (docs/report-json.md).
public struct RunResult: Sendable, Hashable, Codable {
    /// Counts per verdict.
    public struct Summary: Sendable, Hashable, Codable {
        public var total = 0
        public var pass = 0
        public var fail = 0
        public var warn = 0
        public var note = 0
        public var skip = 0
        public var error = 0
        public var waived = 0

        public init(_ cases: [CaseResult]) {
            self.init(verdicts: cases.map(\.verdict))
        }

        /// Counts the verdicts.
        public init(verdicts: [Verdict]) {
            total = verdicts.count
            for verdict in verdicts {
                switch verdict {
                case .pass: pass += 1
                case .fail: fail += 1
                case .warn: warn += 1
                case .note: note += 1
                case .skip: skip += 1
                case .error: error += 1
                case .waived: waived += 1
                }
            }
        }
    }

    /// Identifies the suite build.
    public struct Suite: Sendable, Hashable, Codable {
        public var version: String
        /// SHA-256 of the catalog and goldens the run used.
        public var catalogDigest: String?
    }

    /// A requirement as the document states it, so a saved report explains itself without the catalog.
    public struct Clause: Sendable, Hashable, Codable {
        public var level: RequirementLevel
        public var section: String
        public var quote: String
        public var erratum: String?

        public init(_ requirement: Requirement) {
            level = requirement.level
            section = requirement.section
            quote = requirement.quote
            erratum = requirement.erratum
        }
    }

    /// What was certified.
    public struct Target: Sendable, Hashable, Codable {
        public var name: String
        public var baseURL: String
        /// What makes this run's verdicts weaker than usual, e.g. TLS certificates not checked.
        public var warnings: [String]?

        package init(name: String, baseURL: String, warnings: [String]? = nil) {
            self.name = name
            self.baseURL = baseURL
            self.warnings = warnings
        }
    }

    public var suite: Suite
    public var target: Target
    public var summary: Summary
    public var cases: [CaseResult]
    public var startedAt: String
    public var durationMs: Int
    /// False when the run was interrupted, or stopped by the circuit breaker, before every selected case ran.
    public var complete: Bool
    /// Set when the run stopped early because the target stopped answering (exit code 3).
    public var stopped: RunStop?
    /// The requirements the cases cite, by id.
    public var clauses: [String: Clause]
    /// HTTP exchanges the run made (cases and fixtures; not the reachability probe or the notification long-polls).
    public var exchanges: Int?
    /// Notifications the run's sessions received.
    public var notifications: Int?
    /// Baseline waivers whose deviation no longer happens (they fail the run under `--strict`).
    public var staleWaivers: [String]?
    /// Baseline waivers past their expiry date (their deviations count again).
    public var expiredWaivers: [String]?
    /// For every point the document leaves open, the alternative the target follows.
    public var readings: [ReadingReport]?
    /// The members and JSON types of every answer and notification the run received, per operation and message
    /// type, so that `conformance diff` can show what changed even where both runs pass.
    public var shapes: [MessageShape]?
    /// Per media type, when the run covered several (the profile's `mediaTypes`): its summary and readings.
    public var mediaTypes: [MediaTypeOutcome]?
    /// The cases the run set out to judge: its filters, media types and shard.
    public var selection: RunSelection?

    public init(
        target: Target,
        cases: [CaseResult],
        startedAt: Date,
        durationMs: Int,
        complete: Bool = true,
        clauses: [String: Clause] = [:]
    ) {
        self.suite = Suite(version: SuiteVersion.current, catalogDigest: nil)
        self.target = target
        self.summary = Summary(cases)
        self.cases = cases
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.durationMs = durationMs
        self.complete = complete
        self.clauses = clauses
    }

    /// Why the run is incomplete, in one sentence for the reports; nil when it is complete.
    public var incompleteReason: String? {
        if let stopped {
            return "The run stopped early: \(stopped). The cases it did not start are ERROR with that reason."
        }
        if let missing = selection?.missing, !missing.isEmpty {
            return "The merged report is partial: it lacks \(missing.joined(separator: "; "))."
        }
        return complete
            ? nil : "The run was interrupted before every selected case ran; the counts cover the cases that ran."
    }

    /// Exit codes of docs/verdicts.md: 3 when the target stopped answering mid-run; 0 when the run is complete and
    /// nothing failed or errored (and, under `strict`, nothing warned and no waiver is stale); else 1.
    public func exitCode(strict: Bool) -> Int32 {
        if stopped != nil { return 3 }
        if summary.fail > 0 || summary.error > 0 || !complete { return 1 }
        if strict, summary.warn > 0 || !(staleWaivers ?? []).isEmpty { return 1 }
        return 0
    }
}

/// The suite's version, reported in every result.
public enum SuiteVersion {
    public static let current = "0.1.0"
}

extension RunResult {
    /// The operations of the run's cases in the order their first case appears (the catalog order).
    public var operations: [String] {
        var seen = Set<String>()
        return cases.map(\.operation).filter { seen.insert($0).inserted }
    }
}
