import ConformanceJSON

/// The server's advice on how to go on: reconnect policy, pause before the next connect, and how long it holds one.
public struct BayeuxAdvice: Sendable, Hashable {
    /// What the client should do after this reply.
    public enum Reconnect: String, Sendable, Hashable {
        /// Send the next `/meta/connect` (after `interval`).
        case retry
        /// Handshake again: the server no longer knows the client.
        case handshake
        /// Do not reconnect.
        case none
    }

    public var reconnect: Reconnect?
    /// How long to wait before the next `/meta/connect`.
    public var interval: Duration?
    /// How long the server may hold a `/meta/connect` before answering.
    public var timeout: Duration?

    public init(reconnect: Reconnect? = nil, interval: Duration? = nil, timeout: Duration? = nil) {
        self.reconnect = reconnect
        self.interval = interval
        self.timeout = timeout
    }

    /// Reads an `advice` object (milliseconds for `interval` and `timeout`); unknown or ill-typed members are ignored.
    public init(json: JSONObject) {
        self.init(
            reconnect: json["reconnect"]?.stringValue.flatMap(Reconnect.init(rawValue:)),
            interval: json["interval"].flatMap(Self.duration),
            timeout: json["timeout"].flatMap(Self.duration)
        )
    }

    /// The advice as an `advice` object.
    public var json: JSONObject {
        var object = JSONObject()
        if let reconnect { object["reconnect"] = .string(reconnect.rawValue) }
        if let interval { object["interval"] = .number(Self.milliseconds(interval)) }
        if let timeout { object["timeout"] = .number(Self.milliseconds(timeout)) }
        return object
    }

    /// This advice with the fields `newer` gives replaced: Bayeux advice stays in force until changed.
    public func updated(with newer: BayeuxAdvice) -> BayeuxAdvice {
        BayeuxAdvice(
            reconnect: newer.reconnect ?? reconnect,
            interval: newer.interval ?? interval,
            timeout: newer.timeout ?? timeout
        )
    }

    /// Milliseconds as a duration; negative, non-finite and absurdly large values (over a day) are not advice.
    private static func duration(_ value: JSONValue) -> Duration? {
        guard case .number(let milliseconds) = value, milliseconds.isFinite, milliseconds >= 0,
            milliseconds <= 86_400_000
        else { return nil }
        return .milliseconds(milliseconds)
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded()
    }
}
