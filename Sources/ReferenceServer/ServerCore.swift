/// The shared state of a running server: the contact center and the Bayeux sessions, changed together so that
/// notifications keep the order of the operations that caused them. It also owns the held long-polls.
actor ServerCore {
    let configuration: ReferenceServerConfiguration
    /// Changes whose notifications wait for their delivery time (the variant's), in the order they happened;
    /// `ScheduledDelivery` publishes them.
    nonisolated let schedule: AsyncStream<ScheduledPublication>
    private let scheduleContinuation: AsyncStream<ScheduledPublication>.Continuation
    /// Counts resets, so that a publication scheduled before one is dropped like the messages a reset drops.
    private var resets = 0
    private var center: ContactCenter
    var bayeux: BayeuxServerState
    /// Held connects whose HTTP request waits for its answer, by token.
    var waiting: [Int: CheckedContinuation<[JSONValue], Never>] = [:]
    /// Answers that arrived before their request started waiting, by token.
    var answered: [Int: [JSONValue]] = [:]
    /// Callers waiting until a session holds a connect (tests use this instead of sleeping): the client id,
    /// the waiting continuation, and results that came before their caller started waiting.
    var watchedClients: [Int: String] = [:]
    var watcherContinuations: [Int: CheckedContinuation<Bool, Never>] = [:]
    var watcherResults: [Int: Bool] = [:]
    var lastWatcher = 0
    /// The `session-cookie` deployment's cookies: value → the user whose handshake set it.
    var browsers: [String: String] = [:]
    /// When each agent's latest delayed notification is due (`""` for the variant's, which keep one order for all).
    private var lastDue: [String: ContinuousClock.Instant] = [:]
    /// Where the server listens, for the absolute URIs of `GET /me/interactions`.
    private(set) var baseURL: String

    init(configuration: ReferenceServerConfiguration) {
        self.configuration = configuration
        self.center = ContactCenter(configuration: configuration)
        (self.schedule, self.scheduleContinuation) = AsyncStream.makeStream(of: ScheduledPublication.self)
        let deviations = configuration.deviations
        self.bayeux = BayeuxServerState(
            settings: BayeuxServerState.Settings(
                longPollTimeout: configuration.longPollTimeout,
                sessionTimeout: configuration.sessionTimeout,
                publishChannel: configuration.notificationChannel,
                holdsFirstConnect: configuration.readings.follows(.firstConnect, "held"),
                forcedChannel: deviations.contains(.wrongChannel) ? "/v2/interactions" : nil,
                broadcasts: deviations.contains(.broadcastNotifications),
                tellsStrangersNested: deviations.contains(.strangersToldNested),
                acceptsUnknownClients: deviations.contains(.unknownClientAccepted),
                misspellsClientId: deviations.contains(.handshakeMisspellsClientId),
                deliversTwice: deviations.contains(.duplicateNotifications),
                expiresSessionsOnce: configuration.deployment.contains(.sessionExpiry)
            )
        )
        self.baseURL = "http://\(configuration.host):\(configuration.port)/api/v2"
    }

    func setBaseURL(_ baseURL: String) {
        self.baseURL = baseURL
    }

    // MARK: - Fixtures

    /// No interactions remain, workbins are empty, undelivered messages are dropped; Bayeux sessions stay.
    func reset() {
        center.reset()
        resets += 1
        bayeux.dropPendingMessages()
    }

    func createInteraction(mediaType: String, agentId: String, properties: JSONObject) throws(APIFailure) -> String {
        let (id, notifications) = try center.create(mediaType: mediaType, agentId: agentId, properties: properties)
        publish(notifications)
        return id
    }

    // MARK: - Interactions

    func perform(_ operation: InteractionOperation, on id: String, by agentId: String) throws(APIFailure) {
        publish(try center.perform(operation, on: id, by: agentId))
    }

    /// The refusals-carried-out switch, for a caller refused before the operation is tried (the admin).
    func carryOut(_ operation: InteractionOperation, on id: String) {
        guard let interaction = try? center.interaction(id) else { return }
        center.carryOut(operation, on: interaction)
    }

    func update(_ id: String, properties: JSONObject?, by agentId: String) throws(APIFailure) {
        publish(try center.update(id, properties: properties, by: agentId))
    }

    var activeInteractions: [Interaction] {
        center.activeInteractions
    }

    func interactions(listedFor agentId: String) -> [Interaction] {
        center.interactions(listedFor: agentId)
    }

    func interaction(_ id: String) throws(APIFailure) -> Interaction {
        try center.interaction(id)
    }

    func interaction(_ id: String, visibleTo agentId: String) throws(APIFailure) -> Interaction {
        try center.interaction(id, visibleTo: agentId)
    }

    /// Sends the notifications of one change, arranged as the dialect writes them: now, or at their delivery time.
    private func publish(_ given: [AgentNotification]) {
        guard !given.isEmpty else { return }
        let notifications =
            configuration.deviations.contains(.messageTypeMissing) ? given.map(Self.withoutMessageType) : given
        let center = self.center
        var arranged = configuration.dialect.arrange(notifications, interactionsURL: baseURL + "/interactions") {
            center.interactions(handledBy: $0).count
        }
        if configuration.deployment.contains(.otherMessages) { arranged = Self.withOtherMessages(arranged) }
        let latency = configuration.effectiveNotificationLatency
        if latency > .zero {
            // Each agent's messages at their own time, in the order of the changes for that agent.
            var agents: [String] = []
            for notification in arranged where !agents.contains(notification.agentId) {
                agents.append(notification.agentId)
            }
            for agent in agents {
                // 250 ms either side, narrower for a mean below that, so that the mean is the one given.
                let width = min(
                    250, Int(latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000)
                )
                let delay = latency + .milliseconds(Int.random(in: -width...width))
                schedule(arranged.filter { $0.agentId == agent }, after: delay, order: agent)
            }
        } else if let delay = configuration.dialect.notificationDelay() {
            schedule(arranged, after: delay, order: "")
        } else {
            publishNow(arranged)
        }
    }

    /// Hands a change's notifications to `ScheduledDelivery`, due after `delay` but never before the ones
    /// scheduled earlier in the same `order`.
    private func schedule(_ notifications: [AgentNotification], after delay: Duration, order: String) {
        var due = ContinuousClock.now + delay
        if let last = lastDue[order], due <= last { due = last + .microseconds(1) }
        lastDue[order] = due
        scheduleContinuation.yield(
            ScheduledPublication(notifications: notifications, due: due, generation: resets, order: order))
    }

    /// The `other-messages` deployment: each agent's interaction messages are followed, on the same channel, by
    /// an InteractionActivityMessage about the same interaction and a ServiceStateMessage naming none.
    private static func withOtherMessages(_ notifications: [AgentNotification]) -> [AgentNotification] {
        notifications.flatMap { notification -> [AgentNotification] in
            guard notification.channel == nil, let id = notification.data["id"] else { return [notification] }
            let activity: JSONValue = [
                "messageTypeName": "InteractionActivityMessage", "id": id, "activity": "changed",
            ]
            let service: JSONValue = ["messageTypeName": "ServiceStateMessage", "service": "interactions"]
            return [
                notification,
                AgentNotification(agentId: notification.agentId, data: activity, channel: nil),
                AgentNotification(agentId: notification.agentId, data: service, channel: nil),
            ]
        }
    }

    /// The message-type-missing switch: an interaction message without its messageTypeName.
    private static func withoutMessageType(_ notification: AgentNotification) -> AgentNotification {
        guard case .object(var object) = notification.data,
            object["messageTypeName"] == .string("InteractionStateMessage")
        else { return notification }
        object["messageTypeName"] = nil
        var stripped = notification
        stripped.data = .object(object)
        return stripped
    }

    /// Publishes a scheduled change's notifications, unless a reset came in between.
    func publish(_ publication: ScheduledPublication) {
        guard publication.generation == resets else { return }
        publishNow(publication.notifications)
    }

    private func publishNow(_ notifications: [AgentNotification]) {
        for delivery in bayeux.publish(notifications, at: .now) {
            deliver(delivery)
        }
    }
}
