/// What changed between two runs of a target, from their JSON reports: `conformance diff OLD NEW` and
/// `conformance run --compare-to OLD` (docs/diff.md). Every list is in a stable order, so that the same two reports
/// always give the same text.
public struct RunDifference: Sendable, Hashable, Codable {
    /// One side of the comparison, to head the reports.
    public struct Side: Sendable, Hashable, Codable {
        public var target: String
        public var startedAt: String
        public var catalogDigest: String?
        public var summary: RunResult.Summary
    }

    /// How a case's verdict moved.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        /// Worse: from passing (PASS, NOTE, WAIVED, SKIP) to WARN, or to FAIL or ERROR; or from WARN to FAIL or ERROR.
        case regression
        /// Better, in the same order; a case that becomes SKIP is not fixed, only no longer judged.
        case fix
        /// Another verdict of the same rank (PASS to NOTE, FAIL to ERROR), or a case that became SKIP.
        case change
    }

    /// A case whose verdict changed.
    public struct VerdictChange: Sendable, Hashable, Codable {
        public var caseID: String
        public var operation: String
        public var title: String
        public var old: Verdict
        public var new: Verdict
        public var direction: Direction
        /// Requirements the case breaks now and did not before (MUST or SHOULD deviations).
        public var broken: [String]
        /// Requirements the case broke before and no longer does.
        public var fixed: [String]
        /// Why, in one line: the new run's error, its first deviation of a newly broken requirement, or a NOTE's note.
        public var reason: String?
        /// The reading whose change explains this one: the case saw another alternative of it, and the only
        /// requirement broken or fixed is that reading's own (e.g. PASS → WARN on ERROR-HTTP-4XX when refusals
        /// went from 4xx to 200). Nil for a change no reading explains, which the reports put first.
        public var explainedBy: String?
    }

    /// A case only one run has.
    public struct CaseEntry: Sendable, Hashable, Codable {
        public var caseID: String
        public var operation: String
        public var verdict: Verdict
    }

    /// A requirement that a case broke in one run and not the other.
    public struct RequirementChange: Sendable, Hashable, Codable {
        public enum Change: String, Sendable, Hashable, Codable {
            case broken, fixed
        }

        public var requirement: String
        public var level: RequirementLevel?
        public var change: Change
        /// The cases where it changed, in the new run's order.
        public var cases: [String]
    }

    /// A reading whose observed alternative changed.
    public struct ReadingChange: Sendable, Hashable, Codable {
        /// A case that saw another alternative.
        public struct CaseReading: Sendable, Hashable, Codable {
            public var caseID: String
            public var old: [String]
            public var new: [String]
        }

        public var reading: String
        public var title: String
        public var requirement: String
        /// The alternatives the target was seen to follow (several: MIXED; none: not observed).
        public var old: [String]
        public var new: [String]
        public var cases: [CaseReading]
    }

    /// An answer or notification shape that changed.
    public struct ShapeChange: Sendable, Hashable, Codable {
        public enum Change: String, Sendable, Hashable, Codable {
            /// Only the new run received it.
            case added
            /// Only the old run received it.
            case removed
            /// Both did, with other members or types.
            case changed
        }

        /// A member path and its JSON types.
        public struct Member: Sendable, Hashable, Codable {
            public var path: String
            public var types: [String]
        }

        /// A member path whose JSON types changed.
        public struct Retyped: Sendable, Hashable, Codable {
            public var path: String
            public var old: [String]
            public var new: [String]
        }

        public var kind: MessageShape.Kind
        public var name: String
        public var change: Change
        public var added: [Member]
        public var removed: [Member]
        public var retyped: [Retyped]
        /// Cases that received it (in the new run, or in the old one when it was removed).
        public var examples: [String]
    }

    /// A case that took longer than `--slower` allows.
    public struct DurationChange: Sendable, Hashable, Codable {
        public var caseID: String
        public var oldMs: Int
        public var newMs: Int
        /// newMs / oldMs (an old time under 1 ms counts as 1 ms).
        public var factor: Double
    }

    public var old: Side
    public var new: Side
    /// The two reports name different catalog digests (compared only with `--allow-catalog-change`).
    public var catalogChanged: Bool
    /// Regressions first, worst first (to FAIL, then ERROR, then WARN), those a changed reading explains after
    /// the others; then fixes, then other changes; each group in the new run's order.
    public var verdictChanges: [VerdictChange]
    public var newCases: [CaseEntry]
    public var removedCases: [CaseEntry]
    /// Cases of both runs whose definition (`caseDigest`) changed between the catalogs.
    public var changedDefinitions: [String]
    /// Newly broken first, then fixed; each by requirement id.
    public var requirements: [RequirementChange]
    public var readings: [ReadingChange]
    public var shapes: [ShapeChange]
    /// Only with `--slower`.
    public var slower: [DurationChange]
    /// Baseline waivers that are stale in the new run and were not in the old one.
    public var staleWaivers: [String]
    /// What could not be compared, e.g. a report written before shapes were recorded.
    public var notes: [String]

    /// Nothing changed (a changed catalog digest alone is not a difference; its changed cases are).
    public var isEmpty: Bool {
        verdictChanges.isEmpty && newCases.isEmpty && removedCases.isEmpty && changedDefinitions.isEmpty
            && requirements.isEmpty && readings.isEmpty && shapes.isEmpty && slower.isEmpty && staleWaivers.isEmpty
    }

    /// A case's verdict got worse, or a case breaks a requirement it did not break before.
    public var hasRegression: Bool {
        verdictChanges.contains { $0.direction == .regression } || requirements.contains { $0.change == .broken }
    }

    public var regressions: [VerdictChange] { verdictChanges.filter { $0.direction == .regression } }
    public var fixes: [VerdictChange] { verdictChanges.filter { $0.direction == .fix } }
    public var otherChanges: [VerdictChange] { verdictChanges.filter { $0.direction == .change } }
}
