/// One Bayeux client session: who handshook it, what it subscribed to and what waits for its next connect.
struct BayeuxClientSession: Sendable, Hashable {
    var clientId: String
    /// The account id the session is bound to at handshake.
    var user: String
    /// Subscribed channels, in the spelling the client used.
    var subscriptions: [String] = []
    /// Messages waiting for the next `/meta/connect`.
    var queue: [JSONValue] = []
    /// The last handshake or connect; a session idle longer than the session timeout expires.
    var lastSeen: ContinuousClock.Instant
    /// Whether a `/meta/connect` came for this session (the first one may be answered at once).
    var hasConnected = false
    /// How many messages its connects carried.
    var delivered = 0
    /// The `/meta/connect` the server holds open for this session, if any.
    var heldConnect: HeldConnect?
}
