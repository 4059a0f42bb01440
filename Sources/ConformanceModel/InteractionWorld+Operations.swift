extension InteractionWorld {
    /// Every outcome the document allows when `agent` performs `operation` in this world. Where the document is
    /// silent or open (a reading), every reasonable outcome is here; where it speaks, only what it says.
    public func transitions(_ operation: ModelOperation, by agent: String, in profile: ModelProfile)
        -> [ModelTransition]
    {
        if unsettled { return unsettledTransitions(operation, by: agent, in: profile) }
        var transitions = documented(operation, by: agent, in: profile)
        // In a queue ("so that another person can continue processing it") or with an agent the suite does not
        // watch (which may reject it in turn), the interaction may be routed to any agent: each may hear of it.
        for index in transitions.indices
        where transitions[index].outcome == .success && [.queued, .elsewhere].contains(transitions[index].world.place) {
            transitions[index].world.mayHold.formUnion(profile.agents)
        }
        // Only PlaceInWorkbin puts the interaction in a workbin, and what else takes it out is not said: after
        // any other change, the model no longer knows it is there.
        switch operation {
        case .placeInWorkbin, .getWorkbinContent, .updateProperties: break
        default:
            for index in transitions.indices where transitions[index].outcome == .success {
                transitions[index].world.workbin = nil
            }
        }
        // A transfer on top of a transfer or a conference, or a conference on top of a transfer: the document does
        // not define it. A third agent invited to a conference is modelled like the second.
        let transferPending = invitations.values.contains(.transfer)
        let layered: Bool =
            switch operation {
            case .transfer: transferPending || !parties.isEmpty || invitations.values.contains(.conference)
            case .startConference: transferPending
            default: false
            }
        if layered, transitions.contains(where: { $0.outcome == .success }) {
            transitions =
                transitions.filter { $0.outcome == .refusal }
                + [.init(.success, unsettling(by: operation), "ERROR-NO-CHANGE")]
        }
        // While a transfer waits for its target, the document does not say what the owner may still do: every
        // operation of the owner may be done or refused.
        if isTransferring, owner == agent, !transitions.contains(where: { $0.outcome == .refusal }) {
            transitions.append(refused("TRANSFER-OWNERSHIP"))
        }
        return transitions.map { $0.recordingParts(from: self, agents: profile.agents) }
    }

    /// Past the point the document defines (see docs/explore.md), what is still judged: an operation the
    /// document does not name is refused, and so is any operation by an agent that holds no part in the
    /// interaction; an agent that may hold one may be answered either way (and what it hands over brings its
    /// target in).
    private func unsettledTransitions(_ operation: ModelOperation, by agent: String, in profile: ModelProfile)
        -> [ModelTransition]
    {
        if case .unknown = operation { return [refused("OPERATION-NAME")] }
        guard mayHold.contains(agent) else {
            // What a stranger may do in any state: only GetWorkbinContent, which the document does not tie to the
            // interaction of its {id}, may be done.
            if case .getWorkbinContent(let workbin) = operation, let workbin, profile.workbins.contains(workbin) {
                return [ModelTransition(.success, self, "GETWORKBINCONTENT-WORKBIN"), refused("NOT-OWNER-REFUSED")]
            }
            return [refused("NOT-OWNER-REFUSED")]
        }
        var next = self
        if let target = operation.handedTo { next.mayHold.insert(target) }
        // A Reject presents it to another agent, a queue routes it to one: any of them may hold a part from here.
        switch operation {
        case .reject, .placeInQueue: next.mayHold.formUnion(profile.agents)
        default: break
        }
        return [ModelTransition(.success, next, "ERROR-NO-CHANGE"), refused("ERROR-NO-CHANGE")]
    }

    /// A transfer waits for its target to accept (transfer-ownership=on-accept).
    public var isTransferring: Bool {
        invitations.values.contains(.transfer) && assumptions["transfer-ownership"] != "at-once"
            && !invitations.contains { $0.value == .transfer && $0.key == owner }
    }

    private func documented(_ operation: ModelOperation, by agent: String, in profile: ModelProfile)
        -> [ModelTransition]
    {
        switch operation {
        case .accept: accept(by: agent)
        case .reject: reject(by: agent, in: profile)
        case .stopProcessing:
            ending(by: agent, to: .completed, requirement: "STOPPROCESSING-AFTER-ACCEPT")
        case .placeInQueue(let queue):
            queue.map(profile.queues.contains) == true
                ? ending(by: agent, to: .queued, requirement: "PLACEINQUEUE-ENDS-OWNERSHIP")
                : refusedUnlessWorking(by: agent, requirement: "PLACEINQUEUE-QUEUE")
        case .updateProperties:
            working(by: agent, requirement: "UPDATEPROPERTIES-WORKING").map { transition in
                var updated = transition
                if updated.outcome == .success { updated.world.propertiesUpdated = true }
                return updated
            }
        case .placeInWorkbin(let workbin):
            workbin.map(profile.workbins.contains) == true
                ? placeInWorkbin(workbin, by: agent)
                : refusedUnlessWorking(by: agent, requirement: "PLACEINWORKBIN-WORKBIN")
        case .getWorkbinContent(let workbin):
            workbin.map(profile.workbins.contains) == true
                ? getWorkbinContent(workbin, by: agent)
                : refusedUnlessWorking(by: agent, requirement: "GETWORKBINCONTENT-WORKBIN")
        case .transfer(let target): transfer(to: target, by: agent, in: profile)
        case .startConference(let invitee): startConference(with: invitee, by: agent, in: profile)
        case .endConference(let leaver): endConference(naming: leaver, by: agent)
        case .unknown: [refused("OPERATION-NAME")]
        }
    }

    var refused: (String) -> ModelTransition { { ModelTransition(.refusal, self, $0) } }

    private func accept(by agent: String) -> [ModelTransition] {
        guard let invitation = invitations[agent] else {
            return [refused("ACCEPT-AFTER-INVITATION")]
        }
        // An invitation to an interaction the agent already works on (a transfer to a conference party): its
        // Accept may be taken or refused as done; the document does not say.
        if works(agent) {
            var next = self
            next.invitations[agent] = nil
            return [refused("ACCEPT-AFTER-INVITATION"), .init(.success, next, "ACCEPT-AFTER-INVITATION")]
        }
        var next = self
        next.invitations[agent] = nil
        switch invitation {
        case .routing:
            next.owner = agent
            next.place = .agents
            // Accept's "true response" comes on the agent's channel, and no invitation comes after it (judged
            // when the invitation had arrived before the Accept was sent).
            var notices: Set<Notice> = [Notice(.afterInvitation, to: [agent], requirement: "ACCEPT-NOTIFICATION")]
            if invitationArrived == agent {
                notices.insert(
                    Notice(
                        .invitation, to: [agent], requirement: "ACCEPT-ORDER", forbidden: true,
                        after: .afterInvitation))
            }
            next.invitationArrived = nil
            return [ModelTransition(.success, next, "ACCEPT-OWNERSHIP", notices: notices)]
        case .transfer:
            // on-accept: the target owns it now. at-once: it already did, and Accept may be refused as done.
            next.owner = agent
            return [
                next.assuming("transfer-ownership", "on-accept").map { .init(.success, $0, "TRANSFER-OWNERSHIP") },
                next.assuming("transfer-ownership", "at-once").map { .init(.success, $0, "TRANSFER-OWNERSHIP") },
                next.assuming("transfer-ownership", "at-once").map { .init(.refusal, $0, "TRANSFER-OWNERSHIP") },
            ].compactMap { $0 }
        case .conference:
            next.parties.insert(agent)
            return [
                next.assuming("conference-invitee", "on-accept").map {
                    .init(.success, $0, "STARTCONFERENCE-SIMULTANEOUS")
                },
                next.assuming("conference-invitee", "at-once").map {
                    .init(.success, $0, "STARTCONFERENCE-SIMULTANEOUS")
                },
                next.assuming("conference-invitee", "at-once").map {
                    .init(.refusal, $0, "STARTCONFERENCE-SIMULTANEOUS")
                },
            ].compactMap { $0 }
        }
    }

    private func reject(by agent: String, in profile: ModelProfile) -> [ModelTransition] {
        guard let invitation = invitations[agent] else { return [refused("REJECT-AFTER-INVITATION")] }
        var next = self
        next.invitations[agent] = nil
        next.invitationArrived = nil
        guard invitation == .routing else {
            // The document says nothing of rejecting a transfer or a conference invitation: refused, or declined
            // with the owner keeping the interaction, or (a transfer) presented to another agent as a rejected
            // interaction is.
            var presented: [ModelTransition] = []
            if invitation == .transfer {
                var away = next
                away.owner = nil
                away.parties = []
                away.invitations = [:]
                away.place = .elsewhere
                presented = [.init(.success, away, "REJECT-REPRESENT")]
                presented += profile.agents.filter { $0 != agent }.map { other in
                    var world = away
                    world.place = .agents
                    world.invitations[other] = .routing
                    return ModelTransition(.success, world, "REJECT-REPRESENT")
                }
            }
            return [ModelTransition(.success, next, "REJECT-AFTER-INVITATION"), refused("REJECT-AFTER-INVITATION")]
                + presented
        }
        // "compels the System to present the Interaction to another Agent": any other agent of the profile, or
        // one the suite does not watch.
        next.place = .elsewhere
        let presented = profile.agents.filter { $0 != agent }.map { other in
            var world = next
            world.place = .agents
            world.invitations[other] = .routing
            return ModelTransition(.success, world, "REJECT-REPRESENT")
        }
        return [ModelTransition(.success, next, "REJECT-RELEASES")] + presented
    }

    /// StopProcessing and PlaceInQueue: the owner's work ends, and so does its ownership.
    private func ending(by agent: String, to place: Place, requirement: String) -> [ModelTransition] {
        guard works(agent) else { return [refused(owner == nil ? requirement : "NOT-OWNER-REFUSED")] }
        var next = self
        next.owner = nil
        next.parties = []
        next.invitations = [:]
        next.place = place
        let done = ModelTransition(.success, next, requirement)
        // A conference party that is not the owner: the document does not say whether it may end the work.
        return owner == agent ? [done] : [done, refused(requirement)]
    }

    /// An operation on the interaction an agent works on, which changes nothing the agents see.
    private func working(by agent: String, requirement: String) -> [ModelTransition] {
        // An invited agent that has not accepted is not working on it yet: its own clause.
        guard works(agent) else { return [refused(invitations[agent] != nil ? requirement : "NOT-OWNER-REFUSED")] }
        let done = ModelTransition(.success, self, requirement)
        // A conference party that is not the owner: the document does not say whether it may (as for ending).
        return owner == agent ? [done] : [done, refused(requirement)]
    }

    /// A malformed parameter: refused, whoever sends it (an agent that does not work on it is refused anyway).
    private func refusedUnlessWorking(by agent: String, requirement: String) -> [ModelTransition] {
        [refused(works(agent) ? requirement : "NOT-OWNER-REFUSED")]
    }

    private func placeInWorkbin(_ workbin: String?, by agent: String) -> [ModelTransition] {
        guard works(agent) else { return [refused("NOT-OWNER-REFUSED")] }
        // The document does not say whether the agent keeps the interaction once it is in a workbin.
        var kept = self
        kept.place = .agents
        kept.workbin = workbin
        var released = self
        released.owner = nil
        released.parties = []
        released.invitations = [:]
        released.place = .inWorkbin
        released.workbin = workbin
        let placed = [
            ModelTransition(.success, kept, "PLACEINWORKBIN-PLACES"),
            .init(.success, released, "PLACEINWORKBIN-PLACES"),
        ]
        // A conference party that is not the owner: the document does not say whether it may.
        return owner == agent ? placed : placed + [refused("PLACEINWORKBIN-PLACES")]
    }

    private func getWorkbinContent(_ workbin: String?, by agent: String) -> [ModelTransition] {
        // The content comes as a notification to the agent that asked; it lists the interaction when it was placed
        // in that workbin and nothing has moved it since.
        var notices: Set<Notice> = [Notice(.workbinContent, to: [agent], requirement: "GETWORKBINCONTENT-NOTIFICATION")]
        if let workbin, self.workbin == workbin {
            notices.insert(Notice(.workbinListing, to: [agent], requirement: "PLACEINWORKBIN-PLACES"))
        }
        // Whether the {id} must be one the agent works on is not said.
        return works(agent)
            ? [ModelTransition(.success, self, "GETWORKBINCONTENT-NOTIFICATION", notices: notices)]
            : [
                ModelTransition(.success, self, "GETWORKBINCONTENT-WORKBIN", notices: notices),
                refused("NOT-OWNER-REFUSED"),
            ]
    }

}
