/// The notifications of one change, to publish at `due` (the variant delivers them after the HTTP answer).
struct ScheduledPublication: Sendable, Hashable {
    var notifications: [AgentNotification]
    var due: ContinuousClock.Instant
    /// The server's reset count when the change happened.
    var generation: Int
    /// Publications of one order (an agent, or `""` for the variant's) go out one at a time, in the order given.
    var order: String = ""
}
