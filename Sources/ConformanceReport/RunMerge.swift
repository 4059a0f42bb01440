/// Joins the results of shards (`run --shard i/n`) into the result an unsharded run gives.
public enum RunMerge {
    public static func merge(_ runs: [RunResult], catalogOrder: [String]) -> RunResult {
        let position = Dictionary(catalogOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        let cases = runs.flatMap(\.cases).filter { seen.insert($0.id).inserted }.sorted {
            (position[$0.id] ?? Int.max, $0.id) < (position[$1.id] ?? Int.max, $1.id)
        }
        var merged =
            runs.first ?? RunResult(target: .init(name: "", baseURL: ""), cases: [], startedAt: .now, durationMs: 0)
        merged.cases = cases
        merged.summary = RunResult.Summary(cases)
        merged.startedAt = runs.map(\.startedAt).min() ?? merged.startedAt
        merged.durationMs = runs.map(\.durationMs).max() ?? 0
        merged.complete = runs.allSatisfy(\.complete)
        merged.stopped = runs.lazy.compactMap(\.stopped).first
        merged.clauses = runs.reduce(into: [:]) { $0.merge($1.clauses) { first, _ in first } }
        merged.exchanges = runs.compactMap(\.exchanges).reduce(0, +)
        merged.notifications = runs.compactMap(\.notifications).reduce(0, +)
        merged.staleWaivers = runs.flatMap { $0.staleWaivers ?? [] }
        merged.expiredWaivers = runs.flatMap { $0.expiredWaivers ?? [] }
        merged.readings = ReadingReport.merge(runs.compactMap(\.readings))
        var shapes = ShapeLog()
        for run in runs { shapes.merge(ShapeLog(run.shapes ?? [])) }
        merged.shapes = runs.allSatisfy { $0.shapes == nil } ? nil : shapes.shapes
        merged.selection = runs.lazy.compactMap(\.selection).first?.whole
        return merged
    }
}
