/// A message for one agent's `/v2/me/interactions` subscriptions.
struct AgentNotification: Sendable, Hashable {
    var agentId: String
    var data: JSONValue
}
