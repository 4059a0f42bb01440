/// The notifications of one change, to publish at `due` (the variant delivers them after the HTTP answer).
struct ScheduledPublication: Sendable, Hashable {
    var notifications: [AgentNotification]
    var due: ContinuousClock.Instant
    /// The server's reset count when the change happened.
    var generation: Int
}
