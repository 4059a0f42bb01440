import Bayeux
import ConformanceReport

/// Runs an operation that must finish in time; the operation is cancelled when the time is up.
public enum Deadline {
    /// The operation did not finish in time.
    public struct Exceeded: Error, Sendable, CustomStringConvertible {
        public var limit: Duration
        public var description: String { "no answer within \(DurationText.milliseconds(limit)) ms" }
    }

    public static func run<T: Sendable>(
        _ limit: Duration,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        do {
            return try await withDeadline(.now + limit, operation)
        } catch is DeadlineExceeded {
            throw Exceeded(limit: limit)
        }
    }
}
