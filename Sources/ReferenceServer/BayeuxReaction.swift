/// What the Bayeux state machine does with one incoming message.
struct BayeuxReaction: Sendable, Hashable {
    /// Replies to send now, in order.
    var replies: [JSONValue] = []
    /// Set when the message was a `/meta/connect` that must wait: the token of the new held connect.
    var hold: Int?
    /// Earlier held connects that this message completes.
    var deliveries: [BayeuxDelivery] = []
}
