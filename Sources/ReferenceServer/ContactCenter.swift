/// The interactions of the reference server as a value: every change is a pure function from a request to the
/// new state and the notifications it sends. A failed request throws before anything changes.
struct ContactCenter: Sendable {
    let configuration: ReferenceServerConfiguration
    private(set) var interactions: [String: Interaction] = [:]
    /// Interaction ids in creation order, so that lists are stable.
    private var creationOrder: [String] = []
    private var serial = 0

    init(configuration: ReferenceServerConfiguration) {
        self.configuration = configuration
    }

    var deviations: Set<Switch> { configuration.deviations }
    var readings: Readings { configuration.readings }

    /// Forgets every interaction (and so empties the workbins).
    mutating func reset() {
        interactions = [:]
        creationOrder = []
    }

    /// Creates an interaction invited to `agentId`, as the fixture contract asks.
    mutating func create(
        mediaType: String,
        agentId: String,
        properties: JSONObject
    ) throws(APIFailure) -> (id: String, notifications: [AgentNotification]) {
        guard configuration.mediaTypes.contains(mediaType) else {
            throw .badRequest("Unknown media type '\(mediaType)'")
        }
        guard configuration.isAgent(agentId) else {
            throw .badRequest("Unknown agent '\(agentId)'")
        }
        serial += 1
        let id = configuration.dialect.interactionId(serial: serial)
        let interaction = Interaction(
            id: id,
            mediaType: mediaType,
            properties: properties,
            status: .invited,
            invitee: agentId
        )
        interactions[id] = interaction
        creationOrder.append(id)
        if deviations.contains(.noInvitedNotification) {
            return (id, [])
        }
        return (
            id, [AgentNotification(agentId: agentId, data: interaction.message(state: configuration.invitationState))]
        )
    }

    /// Every interaction that is not completed, oldest first.
    var activeInteractions: [Interaction] {
        creationOrder.compactMap { interactions[$0] }.filter { $0.status != .completed }
    }

    /// The interactions `agentId` is a participant of (invitations not included), oldest first.
    func interactions(handledBy agentId: String) -> [Interaction] {
        let keepsCompleted = deviations.contains(.completedStillListed)
        return creationOrder.compactMap { interactions[$0] }.filter {
            $0.participants.contains(agentId) && ($0.status != .completed || keepsCompleted)
        }
    }

    /// What `GET /me/interactions` lists for `agentId`: the interactions it is a participant of, and under
    /// `handled-includes-invited=invited-too` those it is invited to as well; oldest first.
    func interactions(listedFor agentId: String) -> [Interaction] {
        guard readings.follows(.handledIncludesInvited, "invited-too") else {
            return interactions(handledBy: agentId)
        }
        let keepsCompleted = deviations.contains(.completedStillListed)
        return creationOrder.compactMap { interactions[$0] }.filter {
            ($0.participants.contains(agentId) || $0.isInvited(agentId)) && ($0.status != .completed || keepsCompleted)
        }
    }

    /// The interaction `id`, whoever asks (the admin under `admin-get=allowed`).
    func interaction(_ id: String) throws(APIFailure) -> Interaction {
        guard let interaction = interactions[id] else {
            throw .notFound("No interaction '\(id)'")
        }
        return interaction
    }

    /// The interaction `id` as `agentId` may see it: a participant or invited to it.
    func interaction(_ id: String, visibleTo agentId: String) throws(APIFailure) -> Interaction {
        let interaction = try interaction(id)
        guard interaction.participants.contains(agentId) || interaction.isInvited(agentId) else {
            throw .forbidden("Agent '\(agentId)' has no part in interaction '\(id)'")
        }
        return interaction
    }

    /// `PUT /interactions/{id}`: merges `properties` when given; with `nil` only checks that `agentId` may update it.
    mutating func update(
        _ id: String,
        properties: JSONObject?,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        guard var interaction = interactions[id] else {
            throw .notFound("No interaction '\(id)'")
        }
        do {
            try requireParticipant(agentId, of: interaction)
        } catch {
            if deviations.contains(.refusalsCarriedOut), let properties {
                interaction.properties.merge(properties)
                interactions[id] = interaction
            }
            throw error
        }
        guard let properties else { return [] }
        interaction.properties.merge(properties)
        interactions[id] = interaction
        return interaction.participants.map {
            AgentNotification(agentId: $0, data: interaction.message(state: .propertiesUpdated))
        }
    }

    /// Checks that `agentId` works on `interaction` and that it is active.
    func requireParticipant(_ agentId: String, of interaction: Interaction) throws(APIFailure) {
        if deviations.contains(.foreignActionAllowed), interaction.status == .active {
            return
        }
        guard interaction.participants.contains(agentId) else {
            if interaction.invitee == agentId {
                throw .conflict("Interaction '\(interaction.id)' has not been accepted yet")
            }
            if interaction.isPendingConferenceInvitee(agentId) {
                throw .conflict("Agent '\(agentId)' has not accepted the conference on '\(interaction.id)' yet")
            }
            throw .forbidden("Agent '\(agentId)' has no part in interaction '\(interaction.id)'")
        }
        guard interaction.status == .active else {
            throw .conflict("Interaction '\(interaction.id)' is \(interaction.status.rawValue), not active")
        }
    }

    /// The next agent to offer an interaction to, after `agentId` in configuration order, wrapping around.
    func nextAgent(after agentId: String, excluding excluded: Set<String>) -> String? {
        let ids = configuration.agents.map(\.id)
        let start = (ids.firstIndex(of: agentId) ?? -1) + 1
        let rotated = ids[min(start, ids.count)...] + ids[..<min(start, ids.count)]
        return rotated.first { !excluded.contains($0) && $0 != agentId }
    }

    /// The interactions currently in `workbin`, oldest first.
    func interactions(inWorkbin workbin: String) -> [Interaction] {
        creationOrder.compactMap { interactions[$0] }.filter {
            $0.status == .inWorkbin && $0.workbins.contains(workbin)
        }
    }

    mutating func store(_ interaction: Interaction) {
        interactions[interaction.id] = interaction
    }
}
