import ConformanceCatalog
import ConformanceReport
import ConformanceRunner
import Foundation

/// Proves the catalog catches deviations: runs it against targets that each break one documented behaviour
/// and checks that every one is caught, and caught by the requirement it was written to break.
public enum MutationTest {
    /// One deliberate deviation of a target.
    public struct Switch: Sendable, Hashable {
        public var name: String
        public var summary: String
        /// The requirement the suite must name; the first is the one it was written to break.
        public var expected: [String]
        /// The operations whose cases must each report it (empty: any case will do).
        public var sites: [String]
        /// Per site (or `all`), the reading assignments (or `variant`) under which the switch changes nothing there.
        public var inert: [String: [String]]
        /// The media types a run must cover to see the switch; empty: the target's first one does.
        public var mediaTypes: [String]

        public init(
            name: String, summary: String, expected: [String], sites: [String] = [], inert: [String: [String]] = [:],
            mediaTypes: [String] = []
        ) {
            self.name = name
            self.summary = summary
            self.expected = expected
            self.sites = sites
            self.inert = inert
            self.mediaTypes = mediaTypes
        }

        /// The switch as it must be caught under a configuration: without the sites where it is inert there; nil
        /// when it is inert everywhere (nothing to catch).
        public func under(_ configuration: ReadingMatrix.Configuration) -> Switch? {
            func isInert(_ key: String) -> Bool {
                (inert[key] ?? []).contains {
                    configuration.readings.contains($0) || ($0 == "variant" && configuration.variant)
                }
            }
            if isInert("all") { return nil }
            var effective = self
            effective.sites = sites.filter { !isInert($0) }
            if !sites.isEmpty, effective.sites.isEmpty { return nil }
            return effective
        }

        /// Whether a case's result catches the switch: it reports a requirement the switch breaks, at the level
        /// the switch must be caught at (FAIL for a MUST switch, WARN for a SHOULD switch).
        public func isCaught(by result: CaseResult, at level: RequirementLevel) -> Bool {
            result.deviations.contains { expected.contains($0.requirement) && $0.level == level }
        }

        /// The level a switch breaking requirements of these levels must be caught at: WARN only when all are
        /// SHOULD (or less), else FAIL.
        public static func catchLevel(_ levels: [RequirementLevel]) -> RequirementLevel {
            levels.min() == .should ? .should : .must
        }
    }

    /// What the catalog made of one switch.
    public struct Outcome: Sendable, Hashable, Codable {
        public var name: String
        /// The highest level among the requirements the switch was written to break: a MUST switch must make the
        /// run FAIL, a SHOULD switch (the document states no MUST there) must make it WARN.
        public var level: RequirementLevel
        /// The run FAILed (exit 1 in a default run) and one of the expected requirements is among the MUST
        /// deviations: the only way a switch counts as killed.
        public var killed: Bool
        /// One of the expected requirements is among the SHOULD deviations (a WARN; not a kill).
        public var warned: Bool
        /// One of the expected requirements is among the deviations of the switch's level.
        public var rightReason: Bool
        /// The requirements the run reported as broken (MUST and SHOULD), sorted.
        public var broken: [String]
        public var expected: [String]
        public var summary: RunResult.Summary
        public var durationMs: Int
        /// Why the run itself could not happen, if it could not.
        public var problem: String?
        /// The switch's sites (operations) where no case reported it: a switch caught on one operation and not on
        /// another is not killed.
        public var missedSites: [String] = []
        /// The configuration of the target (readings, variant) the run had; nil for the default readings.
        public var configuration: String?
        /// For a switch's combined outcome: the configurations under which it was not caught.
        public var survivedUnder: [String] = []
        /// The switch changes nothing under this configuration (`inert` in specs/mutations.yaml): not run.
        public var inert = false

        /// What the switch was written for happened: killed for a MUST switch, warned for a SHOULD switch.
        public var caught: Bool {
            if inert { return true }
            return (level == .should ? warned && rightReason : killed && rightReason) && missedSites.isEmpty
                && survivedUnder.isEmpty
        }
    }

    /// Judges one run against its switch.
    public static func outcome(_ mutation: Switch, _ result: RunResult) -> Outcome {
        let deviations = result.cases.flatMap(\.deviations)
        let must = Set(deviations.filter { $0.level == .must }.map(\.requirement))
        let should = Set(deviations.filter { $0.level == .should }.map(\.requirement))
        // A switch breaking any MUST must be killed; only a switch whose requirements are all SHOULD may warn.
        let level = mutation.expected.compactMap { result.clauses[$0]?.level }.min() ?? .must
        let killed = result.exitCode(strict: false) != 0 && mutation.expected.contains(where: must.contains)
        let warned = mutation.expected.contains(where: should.contains)
        let wanted = Switch.catchLevel([level])
        let missed = mutation.sites.filter { site in
            !result.cases.contains { $0.operation == site && mutation.isCaught(by: $0, at: wanted) }
        }
        var outcome = Outcome(
            name: mutation.name,
            level: level,
            killed: killed,
            warned: warned,
            rightReason: level == .should ? warned : killed,
            broken: must.union(should).sorted(),
            expected: mutation.expected,
            summary: result.summary,
            durationMs: result.durationMs,
            problem: nil
        )
        outcome.missedSites = missed
        return outcome
    }

    /// The outcome of a switch that did not run: its run could not happen (`problem`), or it had nothing to
    /// catch there.
    static func notRun(_ mutation: Switch, problem: String?) -> Outcome {
        Outcome(
            name: mutation.name, level: .must, killed: false, warned: false, rightReason: false, broken: [],
            expected: mutation.expected, summary: RunResult.Summary([]), durationMs: 0, problem: problem)
    }

    /// The table `conformance selftest` prints: the switches that break a MUST (killed only by a FAIL naming the
    /// requirement), then the ones that break only a SHOULD (a WARN, in their own rows, never counted as kills).
    public static func table(_ outcomes: [Outcome]) -> String {
        let nameWidth = max(6, outcomes.map(\.name.count).max() ?? 0)
        let expectedWidth = max(20, outcomes.compactMap { $0.expected.first?.count }.max() ?? 0)
        func header(_ title: String) -> [String] {
            [
                title,
                "switch".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  result    "
                    + "expected requirement".padding(toLength: expectedWidth, withPad: " ", startingAt: 0)
                    + "  named  requirements reported broken",
            ]
        }
        func row(_ outcome: Outcome) -> String {
            let result =
                !outcome.missedSites.isEmpty || !outcome.survivedUnder.isEmpty
                ? "SURVIVED"
                : outcome.killed ? "killed  " : (outcome.level == .should && outcome.warned ? "warned  " : "SURVIVED")
            let expected = (outcome.expected.first ?? "-").padding(toLength: expectedWidth, withPad: " ", startingAt: 0)
            let named = outcome.rightReason ? "yes  " : "NO   "
            let missed =
                (outcome.missedSites.isEmpty
                    ? "" : "not caught on " + outcome.missedSites.joined(separator: ", ") + "; ")
                + (outcome.survivedUnder.isEmpty
                    ? "" : "survived under " + outcome.survivedUnder.joined(separator: ", ") + "; ")
            let broken =
                outcome.problem.map { "could not run: \($0)" } ?? missed + outcome.broken.joined(separator: ", ")
            return outcome.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                + "  \(result)  \(expected)  \(named)  \(broken) (\(outcome.durationMs) ms)"
        }
        let must = outcomes.filter { $0.level != .should }
        let should = outcomes.filter { $0.level == .should }
        var lines = header("Switches that break a MUST (killed only by a FAIL that names the requirement):")
        lines += must.map(row)
        if !should.isEmpty {
            lines.append("")
            lines += header(
                "Switches that break only a SHOULD (the document states no MUST there; a WARN, not a kill):")
            lines += should.map(row)
        }
        let killed = must.filter(\.caught).count
        let percent = must.isEmpty ? 100 : killed * 100 / must.count
        lines.append("")
        lines.append("Mutation score: \(killed)/\(must.count) killed by the requirement they break (\(percent)%)")
        if !should.isEmpty {
            lines.append(
                "SHOULD switches: \(should.filter(\.caught).count)/\(should.count) warned by the requirement they break"
            )
        }
        return lines.joined(separator: "\n")
    }
}
