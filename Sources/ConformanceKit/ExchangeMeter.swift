import Foundation

/// Counts the HTTP exchanges of a run (requests under test, fixtures, probes), for reports and benchmarks.
public final class ExchangeMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges = 0

    public init() {}

    /// Exchanges sent so far.
    public var count: Int { lock.withLock { exchanges } }

    func record() {
        lock.withLock { exchanges += 1 }
    }
}
