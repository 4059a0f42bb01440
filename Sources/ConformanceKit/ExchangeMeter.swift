/// Counts the HTTP exchanges of a run (requests under test, fixtures, probes), for reports and benchmarks.
public struct ExchangeMeter: Sendable {
    private let exchanges = Locked(0)

    public init() {}

    /// Exchanges sent so far.
    public var count: Int { exchanges.current }

    func record() {
        exchanges.withLock { $0 += 1 }
    }
}
