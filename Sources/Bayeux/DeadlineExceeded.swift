/// The deadline of an operation passed before it finished.
public struct DeadlineExceeded: Error, Sendable {
    public init() {}
}

/// Runs `operation`, cancelling it when `deadline` passes first (then throws `DeadlineExceeded`).
public func withDeadline<Result: Sendable>(
    _ deadline: ContinuousClock.Instant,
    _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(until: deadline, clock: .continuous)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlineExceeded() }
        return value
    }
}
