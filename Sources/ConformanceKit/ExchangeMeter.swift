/// Counts the HTTP exchanges of a run (requests under test and fixtures), for reports and benchmarks.
public struct ExchangeMeter: Sendable {
    private let exchanges = Locked(0)

    public init() {}

    /// Exchanges sent so far.
    public var count: Int { exchanges.current }

    package func record() {
        exchanges.withLock { $0 += 1 }
    }
}
