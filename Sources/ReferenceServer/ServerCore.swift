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
                holdsFirstConnect: configuration.readings.firstConnect == .held,
                forcedChannel: deviations.contains(.wrongChannel) ? "/v2/interactions" : nil,
                broadcasts: deviations.contains(.broadcastNotifications),
                tellsStrangersNested: deviations.contains(.strangersToldNested),
                acceptsUnknownClients: deviations.contains(.unknownClientAccepted),
                misspellsClientId: deviations.contains(.handshakeMisspellsClientId),
                deliversTwice: deviations.contains(.duplicateNotifications)
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
        let arranged = configuration.dialect.arrange(notifications, interactionsURL: baseURL + "/interactions") {
            center.interactions(handledBy: $0).count
        }
        if let delay = configuration.dialect.notificationDelay() {
            scheduleContinuation.yield(
                ScheduledPublication(notifications: arranged, due: .now + delay, generation: resets)
            )
        } else {
            publishNow(arranged)
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
