import Foundation

extension RunResult {
    /// The report of a run that judged no case: the target could not be reached, or the run was interrupted before
    /// its first case. Every selected case is ERROR with `reason`, and the run is incomplete, so that a CI step that
    /// publishes the reports always has them, and they say why.
    public static func notRun(
        _ cases: [(id: String, operation: String, title: String, requirements: [String])],
        target: Target,
        reason: String,
        startedAt: Date,
        unreachable: Bool
    ) -> RunResult {
        var result = RunResult(
            target: target,
            cases: cases.map {
                CaseResult(
                    id: $0.id, operation: $0.operation, title: $0.title, requirements: $0.requirements, verdict: .error,
                    error: reason)
            },
            startedAt: startedAt,
            durationMs: Int(Date().timeIntervalSince(startedAt) * 1000),
            complete: false
        )
        // The reachability probe was the one exchange that got no answer.
        if unreachable { result.stopped = RunStop(afterCase: nil, reason: reason, failures: 1) }
        return result
    }
}
