/// Why a run stopped before every selected case ran: the target stopped answering (the circuit breaker).
public struct RunStop: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The case of the last exchange the target answered; nil when it answered none.
    public var afterCase: String?
    /// The last failure of the run of failures, e.g. "connection refused".
    public var reason: String
    /// How many exchanges in a row got no answer.
    public var failures: Int

    public init(afterCase: String?, reason: String, failures: Int) {
        self.afterCase = afterCase
        self.reason = reason
        self.failures = failures
    }

    public var description: String {
        let when = afterCase.map { "after case \($0)" } ?? "before it answered any case"
        let count = failures == 1 ? "1 exchange got" : "\(failures) exchanges in a row got"
        return "the target stopped answering \(when) (\(reason); \(count) no answer)"
    }
}
