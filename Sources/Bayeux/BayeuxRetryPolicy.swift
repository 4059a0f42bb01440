/// How the connect loop backs off after failures and when it gives up.
public struct BayeuxRetryPolicy: Sendable, Hashable {
    /// The pause after the first failure; it doubles with each further consecutive failure.
    public var initialBackoff: Duration
    /// The longest pause.
    public var maximumBackoff: Duration
    /// The loop stops after this many failures in a row (a successful connect resets the count).
    public var maximumConsecutiveFailures: Int

    public init(
        initialBackoff: Duration = .milliseconds(100),
        maximumBackoff: Duration = .seconds(2),
        maximumConsecutiveFailures: Int = 5
    ) {
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumConsecutiveFailures = max(1, maximumConsecutiveFailures)
    }

    /// The pause after `failures` consecutive failures (1 for the first).
    public func backoff(afterFailures failures: Int) -> Duration {
        var pause = initialBackoff
        for _ in 1..<max(1, failures) {
            pause *= 2
            if pause >= maximumBackoff { return maximumBackoff }
        }
        return min(pause, maximumBackoff)
    }
}
