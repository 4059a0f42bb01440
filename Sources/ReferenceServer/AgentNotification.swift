/// A message for one agent's Bayeux sessions.
struct AgentNotification: Sendable, Hashable {
    var agentId: String
    var data: JSONValue
    /// The channel to publish on; `nil` for the notification channel (`/v2/me/interactions`, with or without the
    /// slash as `notification-channel` says).
    var channel: String?
}
