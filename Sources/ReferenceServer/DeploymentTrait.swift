/// A way real installations behave that the document does not govern, which the reference server can put on
/// (`conformance serve --deploy NAME`): what a vendor's lab puts between the suite and the API. None of them is
/// a deviation; the suite must pass a server with any of them, and with all at once.
public enum DeploymentTrait: String, CaseIterable, Sendable, Hashable {
    case sessionCookie = "session-cookie"
    case sessionExpiry = "session-expiry"
    case connectionClose = "connection-close"
    case otherMessages = "other-messages"
    case slowNotifications = "slow-notifications"

    /// What the server does, in one line.
    public var summary: String {
        switch self {
        case .sessionCookie:
            "the CometD endpoint requires the BAYEUX_BROWSER cookie its handshake set, bound to the user (a sticky "
                + "load balancer, a servlet session); without it: 402::Unknown client, advice handshake"
        case .sessionExpiry:
            "expires each agent's CometD session once, after its first delivery (402, advice handshake), and keeps "
                + "the messages not yet delivered for the agent's next session"
        case .connectionClose: "answers every request with Connection: close, so no connection is reused"
        case .otherMessages:
            "sends messages of other types on the interaction channel too (ServiceStateMessage, "
                + "InteractionActivityMessage)"
        case .slowNotifications:
            "delivers notifications 200-700 ms after the change (a message bus), in order per agent; "
                + "--notification-latency sets another mean"
        }
    }

    /// The notification latency `slow-notifications` stands for when no other is given.
    public static let defaultNotificationLatency: Duration = .milliseconds(450)
}
