/// Handing an interaction over: Transfer, StartConference and EndConference, where the document leaves the most
/// open (who owns it while a transfer waits, who hears of a conference, who may make whom leave).
extension InteractionWorld {
    func transfer(to target: String?, by agent: String, in profile: ModelProfile) -> [ModelTransition] {
        guard owner == agent else {
            // A conference party that does not own the interaction: the document does not say, nor what a
            // transfer it takes does; nothing more is judged on the interaction then.
            return works(agent)
                ? [
                    refused("TRANSFER-OWNERSHIP"),
                    .init(.success, unsettling(by: .transfer(target: target)), "TRANSFER-OWNERSHIP"),
                ]
                : [refused("NOT-OWNER-REFUSED")]
        }
        guard let target, profile.agents.contains(target), target != agent else { return [refused("TRANSFER-TARGET")] }
        var onAccept = self
        onAccept.invitations[target] = .transfer
        var atOnce = self
        atOnce.owner = target
        atOnce.invitations[agent] = nil
        atOnce.invitations[target] = .transfer
        // The target hears of the interaction it is offered (a SHOULD: the document names no message).
        let told: Set<Notice> = [Notice(.stateMessage, to: [target], requirement: "TRANSFER-TARGET-NOTIFIED")]
        let transferred = [
            onAccept.assuming("transfer-ownership", "on-accept").map {
                ModelTransition(.success, $0, "TRANSFER-OWNERSHIP", notices: told)
            },
            atOnce.assuming("transfer-ownership", "at-once").map {
                ModelTransition(.success, $0, "TRANSFER-OWNERSHIP", notices: told)
            },
        ].compactMap { $0 }
        // To an agent that already works on it or holds an invitation to it: the document does not say.
        return works(target) || invitations[target] != nil ? transferred + [refused("TRANSFER-TARGET")] : transferred
    }

    func startConference(with invitee: String?, by agent: String, in profile: ModelProfile)
        -> [ModelTransition]
    {
        guard works(agent) else { return [refused("NOT-OWNER-REFUSED")] }
        guard let invitee, profile.agents.contains(invitee), !works(invitee) else {
            return [refused("STARTCONFERENCE-AGENT")]
        }
        // Inviting an agent that already holds an invitation: the document does not say.
        if invitations[invitee] != nil {
            return [refused("STARTCONFERENCE-AGENT"), .init(.success, self, "STARTCONFERENCE-AGENT")]
        }
        var onAccept = self
        onAccept.invitations[invitee] = .conference
        var atOnce = self
        atOnce.parties.insert(invitee)
        atOnce.invitations[invitee] = .conference
        // InvitedConference names no recipient: the invitee or the initiator, as the target showed it.
        let recipients: Set<String> =
            switch assumptions["conference-invited-recipient"] {
            case "invitee": [invitee]
            case "initiator": [agent]
            default: [invitee, agent]
            }
        let invited: Set<Notice> = [
            Notice(
                .state("InvitedConference"), to: recipients, requirement: "STARTCONFERENCE-INVITED",
                reading: "conference-invited-recipient", alternatives: [invitee: "invitee", agent: "initiator"])
        ]
        let started = [
            onAccept.assuming("conference-invitee", "on-accept").map {
                ModelTransition(.success, $0, "STARTCONFERENCE-INVITED", notices: invited)
            },
            atOnce.assuming("conference-invitee", "at-once").map {
                ModelTransition(.success, $0, "STARTCONFERENCE-SIMULTANEOUS", notices: invited)
            },
        ].compactMap { $0 }
        // Whether a party that does not own the interaction may invite a third agent is not said.
        return owner == agent ? started : started + [refused("STARTCONFERENCE-AGENT")]
    }

    func endConference(naming leaver: String?, by agent: String) -> [ModelTransition] {
        if invitations[agent] == .conference, !works(agent), leaver == agent {
            // An invitee that has not accepted leaves the conference: declining it, or refused; the document does
            // not say.
            var declined = self
            declined.invitations[agent] = nil
            return [refused("ENDCONFERENCE-AGENT"), .init(.success, declined, "ENDCONFERENCE-AGENT")]
        }
        let inConference = !parties.isEmpty && works(agent)
        guard inConference, let leaver, works(leaver) else { return [refused("ENDCONFERENCE-AGENT")] }
        guard leaver != agent else { return leave(leaver) }
        // A participant names another one: with endconference-agent=leaver, agentId names who leaves (and whether
        // one participant may make another leave is not said); with =caller, it must name the caller.
        return [refused("ENDCONFERENCE-AGENT")]
            + leave(leaver).compactMap { transition in
                transition.world.assuming("endconference-agent", "leaver").map {
                    var assumed = transition
                    assumed.world = $0
                    return assumed
                }
            }
    }

    /// `leaver` leaves the conference, and the remaining agents are told.
    func leave(_ leaver: String) -> [ModelTransition] {
        var next = self
        next.parties.remove(leaver)
        next.invitations[leaver] = nil
        // "This notifies the remaining Agents on the conference that an Agent has left the conference."
        let remaining = next.parties.union(next.owner.map { [$0] } ?? []).subtracting([leaver])
        let left = Set(
            remaining.map {
                Notice(.state("LeftConference"), to: [$0], requirement: "ENDCONFERENCE-LEFT-NOTIFICATION")
            })
        if owner == leaver {
            // The last remaining agent keeps the interaction; with several left, the document names no owner.
            next.owner = nil
            return next.parties.map { heir in
                var world = next
                world.owner = heir
                world.parties.remove(heir)
                return ModelTransition(.success, world, "ENDCONFERENCE-LAST-KEEPS", notices: left)
            }
        }
        return [ModelTransition(.success, next, "ENDCONFERENCE-LAST-KEEPS", notices: left)]
    }
}
