import ConformanceReport
import ConformanceRunner

extension MutationTest {
    /// Runs every switch under every configuration of the target, `jobs` runs at a time; outcomes come back switch
    /// by switch, configurations in the order given, each naming its configuration.
    public static func run(
        _ switches: [Switch],
        under configurations: [ReadingMatrix.Configuration],
        jobs: Int,
        progress: @escaping @Sendable (Outcome) async -> Void = { _ in },
        runWith: @escaping @Sendable (Switch, ReadingMatrix.Configuration) async throws -> RunResult
    ) async -> [Outcome] {
        let pairs = switches.flatMap { mutation in configurations.map { (mutation, $0) } }
        return await BoundedMap.map(pairs, jobs: jobs, progress: progress) { pair in
            let (declared, configuration) = pair
            guard let mutation = declared.under(configuration) else {
                var outcome = notRun(declared, problem: nil)
                // Nothing to catch here: the switch changes no answer under this configuration.
                outcome.inert = true
                outcome.configuration = configuration.name
                return outcome
            }
            var outcome: Outcome
            do {
                outcome = MutationTest.outcome(mutation, try await runWith(mutation, configuration))
            } catch {
                outcome = notRun(mutation, problem: String(describing: error))
            }
            outcome.configuration = configuration.name
            return outcome
        }
    }

    /// One outcome per switch from its outcomes under every configuration: the first configuration's, caught only
    /// when the switch was caught under each (`survivedUnder` names the others).
    public static func combine(_ matrix: [Outcome]) -> [Outcome] {
        var order: [String] = []
        var byName: [String: [Outcome]] = [:]
        for outcome in matrix {
            if byName[outcome.name] == nil { order.append(outcome.name) }
            byName[outcome.name, default: []].append(outcome)
        }
        return order.compactMap { name in
            guard let runs = byName[name], var combined = runs.first else { return nil }
            combined.survivedUnder = runs.dropFirst().filter { !$0.caught }.map { $0.configuration ?? "default" }
            combined.durationMs = runs.map(\.durationMs).reduce(0, +)
            return combined
        }
    }

    /// The switch × configuration matrix `conformance selftest` prints: a row per switch, a column per
    /// configuration (numbered, with a legend), `k` killed, `w` warned (a SHOULD switch), `S` survived.
    public static func matrixTable(_ matrix: [Outcome], configurations: [ReadingMatrix.Configuration]) -> String {
        let outcomes = combine(matrix)
        guard configurations.count > 1 else { return "" }
        let nameWidth = max(6, outcomes.map(\.name.count).max() ?? 0)
        var lines = [
            "Switch × configuration (k killed, w warned, S survived, - inert there as specs/mutations.yaml says; "
                + "a switch counts only if caught in each):"
        ]
        for (index, configuration) in configurations.enumerated() {
            lines.append("  \(String(index).leftPadded(2)) \(configuration.name)")
        }
        lines.append(
            "switch".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + configurations.indices.map { String($0).leftPadded(2) }.joined(separator: " "))
        for outcome in outcomes {
            let cells = configurations.map { configuration -> String in
                guard
                    let run = matrix.first(where: {
                        $0.name == outcome.name && ($0.configuration ?? "default") == configuration.name
                    })
                else { return " ." }
                if run.inert { return " -" }
                return run.caught ? (run.level == .should ? " w" : " k") : " S"
            }
            lines.append(
                outcome.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    + cells.joined(separator: " "))
        }
        let caught = outcomes.filter(\.caught).count
        lines.append("Caught in every configuration: \(caught)/\(outcomes.count) switches")
        return lines.joined(separator: "\n")
    }
}
