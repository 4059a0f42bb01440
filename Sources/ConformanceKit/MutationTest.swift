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

        public init(name: String, summary: String, expected: [String]) {
            self.name = name
            self.summary = summary
            self.expected = expected
        }
    }

    /// What the catalog made of one switch.
    public struct Outcome: Sendable, Hashable, Codable {
        public var name: String
        /// The run failed (a FAIL, WARN or ERROR): the deviation did not go unnoticed.
        public var killed: Bool
        /// One of the expected requirements is among the broken ones.
        public var rightReason: Bool
        /// The requirements the run reported as broken (MUST and SHOULD), sorted.
        public var broken: [String]
        public var expected: [String]
        public var summary: RunResult.Summary
        public var durationMs: Int
        /// Why the run itself could not happen, if it could not.
        public var problem: String?
    }

    /// Judges one run against its switch.
    public static func outcome(_ mutation: Switch, _ result: RunResult) -> Outcome {
        let broken = Set(
            result.cases.flatMap { $0.deviations.filter { $0.level != .info }.map(\.requirement) }
        ).sorted()
        return Outcome(
            name: mutation.name,
            killed: result.exitCode(strict: true) != 0,
            rightReason: mutation.expected.contains(where: broken.contains),
            broken: broken,
            expected: mutation.expected,
            summary: result.summary,
            durationMs: result.durationMs,
            problem: nil
        )
    }

    /// Runs `runWith` for every switch, `jobs` at a time; outcomes come back in the order of `switches`.
    public static func run(
        _ switches: [Switch],
        jobs: Int,
        progress: @escaping @Sendable (Outcome) async -> Void = { _ in },
        runWith: @escaping @Sendable (Switch) async throws -> RunResult
    ) async -> [Outcome] {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var outcomes = [Outcome?](repeating: nil, count: switches.count)
            var next = 0
            func launch() {
                guard next < switches.count else { return }
                let index = next
                let mutation = switches[index]
                next += 1
                group.addTask {
                    do {
                        return (index, outcome(mutation, try await runWith(mutation)))
                    } catch {
                        return (
                            index,
                            Outcome(
                                name: mutation.name,
                                killed: false,
                                rightReason: false,
                                broken: [],
                                expected: mutation.expected,
                                summary: RunResult.Summary([]),
                                durationMs: 0,
                                problem: String(describing: error)
                            )
                        )
                    }
                }
            }
            for _ in 0..<max(1, jobs) { launch() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                await progress(outcome)
                launch()
            }
            return outcomes.compactMap { $0 }
        }
    }

    /// The table `conformance selftest` prints, one row per switch, then the score.
    public static func table(_ outcomes: [Outcome]) -> String {
        let nameWidth = max(6, outcomes.map(\.name.count).max() ?? 0)
        let expectedWidth = max(20, outcomes.compactMap { $0.expected.first?.count }.max() ?? 0)
        var lines = [
            "switch".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                + "  result    " + "expected requirement".padding(toLength: expectedWidth, withPad: " ", startingAt: 0)
                + "  named  requirements reported broken"
        ]
        for outcome in outcomes {
            let result = outcome.killed ? "killed  " : "SURVIVED"
            let expected = (outcome.expected.first ?? "-").padding(toLength: expectedWidth, withPad: " ", startingAt: 0)
            let named = outcome.rightReason ? "yes  " : "NO   "
            let broken = outcome.problem.map { "could not run: \($0)" } ?? outcome.broken.joined(separator: ", ")
            lines.append(
                outcome.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    + "  \(result)  \(expected)  \(named)  \(broken)"
            )
        }
        let killed = outcomes.filter { $0.killed && $0.rightReason }.count
        let percent = outcomes.isEmpty ? 100 : killed * 100 / outcomes.count
        lines.append("Mutation score: \(killed)/\(outcomes.count) killed by the requirement they break (\(percent)%)")
        return lines.joined(separator: "\n")
    }
}
