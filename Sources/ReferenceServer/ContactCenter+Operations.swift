extension ContactCenter {
    /// Performs one operation of `POST /me/interactions/{id}` for `agentId`; returns the notifications to send.
    mutating func perform(
        _ operation: InteractionOperation,
        on id: String,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        if case .getWorkbinContent(let workbin) = operation {
            // The document does not say which {id} this uses: any interaction that exists will do, or any id at all.
            if readings.follows(.getWorkbinContentId, "existing"), interactions[id] == nil {
                throw .notFound("No interaction '\(id)'")
            }
            return workbinContent(workbin, for: agentId)
        }
        guard var interaction = interactions[id] else {
            throw .notFound("No interaction '\(id)'")
        }
        let original = interaction
        do {
            let notifications = try apply(operation, to: &interaction, by: agentId)
            store(interaction)
            return notifications
        } catch {
            if deviations.contains(.refusalsCarriedOut) { carryOut(operation, on: original) }
            throw error
        }
    }

    /// The refusals-carried-out switch: a refused operation is done anyway, silently, as the agent that handles the
    /// interaction would do it (its invitee for Accept and Reject; else its owner, the invitee having accepted).
    mutating func carryOut(_ operation: InteractionOperation, on interaction: Interaction) {
        var forced = interaction
        let actor: String?
        switch operation {
        case .accept, .reject:
            actor = forced.invitee
        default:
            if forced.participants.isEmpty, let invitee = forced.invitee {
                forced.participants = [invitee]
                forced.invitee = nil
                forced.status = .active
            }
            actor = forced.participants.first
        }
        guard let actor, (try? apply(operation, to: &forced, by: actor)) != nil else { return }
        store(forced)
    }

    private func apply(
        _ operation: InteractionOperation, to interaction: inout Interaction, by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        let notifications: [AgentNotification]
        switch operation {
        case .accept: notifications = try accept(&interaction, by: agentId)
        case .reject: notifications = try reject(&interaction, by: agentId)
        case .stopProcessing: notifications = try stopProcessing(&interaction, by: agentId)
        case .placeInQueue(let queue): notifications = try placeInQueue(&interaction, queue: queue, by: agentId)
        case .updateProperties(let properties):
            notifications = try updateProperties(&interaction, properties: properties, by: agentId)
        case .placeInWorkbin(let workbins):
            notifications = try placeInWorkbin(&interaction, workbins: workbins, by: agentId)
        case .transfer(let targetId): notifications = try transfer(&interaction, to: targetId, by: agentId)
        case .startConference(let invitee):
            notifications = try startConference(&interaction, with: invitee, by: agentId)
        case .endConference(let leaver): notifications = try endConference(&interaction, leaver: leaver, by: agentId)
        case .getWorkbinContent: notifications = []
        }
        return notifications
    }

    private func notify(_ agentId: String, _ interaction: Interaction, _ state: InteractionState) -> AgentNotification {
        AgentNotification(agentId: agentId, data: interaction.message(state: state))
    }

    private func accept(_ interaction: inout Interaction, by agentId: String) throws(APIFailure) -> [AgentNotification]
    {
        if interaction.invitee == agentId, interaction.status == .invited || interaction.status == .active {
            if deviations.contains(.acceptLeavesInvited) {
                return [notify(agentId, interaction, .accepted)]
            }
            if interaction.status == .invited {
                interaction.participants = [agentId]
                interaction.status = .active
            } else {
                interaction.participants.append(agentId)
            }
            interaction.invitee = nil
            let accepted = notify(agentId, interaction, .accepted)
            guard deviations.contains(.invitationAfterAccept) else { return [accepted] }
            return [accepted, notify(agentId, interaction, configuration.invitationState)]
        }
        if interaction.conferenceInvitees.contains(agentId), interaction.status == .active {
            if deviations.contains(.conferenceInviteeNeverJoins) {
                throw .conflict("Agent '\(agentId)' cannot join the conference on '\(interaction.id)'")
            }
            // Under conference-invitee=at-once the invitee is a participant already: this acknowledges it.
            interaction.conferenceInvitees.remove(agentId)
            if !interaction.participants.contains(agentId) {
                interaction.participants.append(agentId)
            }
            return [notify(agentId, interaction, .accepted)]
        }
        if interaction.participants.contains(agentId) {
            if deviations.contains(.acceptTwice), interaction.status == .active {
                return []
            }
            throw .conflict("Interaction '\(interaction.id)' is already accepted")
        }
        if interaction.invitee == agentId {
            throw .conflict("Interaction '\(interaction.id)' is \(interaction.status.rawValue)")
        }
        throw .forbidden("Agent '\(agentId)' is not invited to interaction '\(interaction.id)'")
    }

    private func reject(_ interaction: inout Interaction, by agentId: String) throws(APIFailure) -> [AgentNotification]
    {
        if interaction.isPendingConferenceInvitee(agentId) {
            // Declines the conference invitation (conference-invitee=on-accept).
            interaction.conferenceInvitees.remove(agentId)
            return [notify(agentId, interaction, .rejected)]
        }
        guard interaction.invitee == agentId else {
            if interaction.participants.contains(agentId) {
                if deviations.contains(.rejectAfterAccept) { return [] }
                throw .conflict("Interaction '\(interaction.id)' is already accepted")
            }
            throw .forbidden("Agent '\(agentId)' is not invited to interaction '\(interaction.id)'")
        }
        if deviations.contains(.rejectNotRepresented) {
            return []
        }
        interaction.rejectedBy.insert(agentId)
        interaction.invitee = nil
        var notifications = [notify(agentId, interaction, .rejected)]
        let excluded = interaction.rejectedBy.union(interaction.participants)
        let recipient =
            configuration.readings.follows(.rejectRecipient, "another-agent")
            ? configuration.agents.map(\.id).last { !excluded.contains($0) && $0 != agentId }
            : nextAgent(after: agentId, excluding: excluded)
        if let next = recipient {
            interaction.invitee = next
            notifications.append(notify(next, interaction, configuration.invitationState))
        } else if interaction.participants.isEmpty {
            interaction.status = .queued
        }
        return notifications
    }

    private func stopProcessing(
        _ interaction: inout Interaction,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        if deviations.contains(.stopBeforeAccept), interaction.invitee == agentId, interaction.status == .invited {
            interaction.participants = [agentId]
            interaction.status = .active
        }
        try requireParticipant(agentId, of: interaction)
        interaction.status = .completed
        interaction.invitee = nil
        interaction.conferenceInvitees = []
        return interaction.participants.map { notify($0, interaction, .completed) }
    }

    private func placeInQueue(
        _ interaction: inout Interaction,
        queue: String,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        try requireParticipant(agentId, of: interaction)
        if deviations.contains(.queueKeepsOwner) {
            return []
        }
        let participants = interaction.participants
        interaction.status = .queued
        interaction.queue = queue
        Self.release(&interaction)
        return participants.map { notify($0, interaction, .queued) }
    }

    private func updateProperties(
        _ interaction: inout Interaction,
        properties: JSONObject,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        if deviations.contains(.updateBeforeAccept), interaction.invitee == agentId, interaction.status == .invited {
            interaction.properties.merge(properties)
            return []
        }
        try requireParticipant(agentId, of: interaction)
        if !deviations.contains(.propertiesNotUpdated) {
            interaction.properties.merge(properties)
        }
        return interaction.participants.map { notify($0, interaction, .propertiesUpdated) }
    }

    private func placeInWorkbin(
        _ interaction: inout Interaction,
        workbins: [String],
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        try requireParticipant(agentId, of: interaction)
        if deviations.contains(.workbinNotPlaced) {
            return []
        }
        interaction.status = .inWorkbin
        interaction.workbins = workbins
        Self.release(&interaction)
        return [notify(agentId, interaction, .placedInWorkbin)]
    }

    private func workbinContent(_ workbin: String, for agentId: String) -> [AgentNotification] {
        if deviations.contains(.noWorkbinContent) {
            return []
        }
        let messages = interactions(inWorkbin: workbin).map { $0.message(state: .inWorkbin) }
        let data: JSONValue = .object(
            JSONObject([
                ("messageTypeName", "WorkbinContent"),
                ("workbin", .string(workbin)),
                ("interactions", .array(messages)),
            ])
        )
        return [AgentNotification(agentId: agentId, data: data)]
    }

    /// What Transfer and StartConference ask of the agent they bring in: not the caller, not already on it; and
    /// of the caller: a participant.
    private func requireNewcomer(
        _ otherId: String,
        named parameter: String,
        to interaction: Interaction,
        by agentId: String
    ) throws(APIFailure) {
        guard otherId != agentId else {
            throw .badRequest("Parameter '\(parameter)' names the calling agent")
        }
        try requireParticipant(agentId, of: interaction)
        guard !interaction.participants.contains(otherId) else {
            throw .conflict("Agent '\(otherId)' already works on interaction '\(interaction.id)'")
        }
    }

    private func transfer(
        _ interaction: inout Interaction,
        to targetId: String,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        try requireNewcomer(targetId, named: "targetId", to: interaction, by: agentId)
        if !deviations.contains(.transferKeepsOwner) {
            interaction.participants.removeAll { $0 == agentId }
            interaction.conferenceInvitees.remove(agentId)
        }
        interaction.conferenceInvitees.remove(targetId)
        let notifications: [AgentNotification]
        if readings.follows(.transferOwnership, "on-accept") {
            interaction.invitee = targetId
            if interaction.participants.isEmpty {
                interaction.status = .invited
            }
            notifications = [
                notify(agentId, interaction, .transferred),
                notify(targetId, interaction, configuration.invitationState),
            ]
        } else if readings.follows(.transferOwnership, "at-once") {
            if interaction.invitee == targetId {
                interaction.invitee = nil
            }
            interaction.participants.append(targetId)
            notifications = [notify(agentId, interaction, .transferred), notify(targetId, interaction, .transferred)]
        } else {
            readings.unhandled(.transferOwnership)
        }
        return deviations.contains(.transferNotifiesNobody) ? [] : notifications
    }

    private func startConference(
        _ interaction: inout Interaction,
        with inviteeId: String,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        try requireNewcomer(inviteeId, named: "agentId", to: interaction, by: agentId)
        guard !interaction.conferenceInvitees.contains(inviteeId) else {
            throw .conflict("Agent '\(inviteeId)' is already invited to a conference on '\(interaction.id)'")
        }
        if readings.follows(.conferenceInvitee, "at-once"), !deviations.contains(.conferenceInviteeNeverJoins) {
            interaction.participants.append(inviteeId)
        }
        interaction.conferenceInvitees.insert(inviteeId)
        if interaction.invitee == inviteeId {
            interaction.invitee = nil
        }
        if deviations.contains(.noInvitedConference) {
            return []
        }
        let state: InteractionState =
            deviations.contains(.conferenceStateName) ? .conferenceInvited : .invitedConference
        let recipient: String
        if deviations.contains(.conferenceInvitesThirdAgent) {
            guard let third = nextAgent(after: agentId, excluding: [inviteeId]) else { return [] }
            recipient = third
        } else {
            recipient = readings.follows(.conferenceInvitedRecipient, "initiator") ? agentId : inviteeId
        }
        return [notify(recipient, interaction, state)]
    }

    private func endConference(
        _ interaction: inout Interaction,
        leaver: String,
        by agentId: String
    ) throws(APIFailure) -> [AgentNotification] {
        if leaver == agentId, interaction.isPendingConferenceInvitee(agentId) {
            // Declines the conference invitation (conference-invitee=on-accept): the participants are told.
            interaction.conferenceInvitees.remove(agentId)
            return deviations.contains(.noLeftConference)
                ? [] : interaction.participants.map { notify($0, interaction, .leftConference) }
        }
        try requireParticipant(agentId, of: interaction)
        if readings.follows(.endConferenceAgent, "caller"), leaver != agentId {
            throw .badRequest("Parameter 'agentId' must name the calling agent")
        }
        guard interaction.participants.count >= 2 else {
            throw .conflict("Interaction '\(interaction.id)' has no conference")
        }
        guard interaction.participants.contains(leaver) else {
            throw .conflict("Agent '\(leaver)' is not in a conference on interaction '\(interaction.id)'")
        }
        // Removing the leaver keeps the order, so the next participant becomes the owner.
        interaction.participants.removeAll { $0 == leaver }
        interaction.conferenceInvitees.remove(leaver)
        let remaining = interaction.participants
        if deviations.contains(.endConferenceDropsOwner), remaining.count == 1 {
            interaction.status = .queued
            Self.release(&interaction)
        }
        if deviations.contains(.noLeftConference) {
            return []
        }
        return remaining.map { notify($0, interaction, .leftConference) }
    }

    /// Nobody works on or is invited to the interaction any more.
    private static func release(_ interaction: inout Interaction) {
        interaction.participants = []
        interaction.conferenceInvitees = []
        interaction.invitee = nil
    }
}
