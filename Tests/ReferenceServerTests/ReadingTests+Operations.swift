import Testing

@testable import ReferenceServer

/// The readings of the operations: conferences, transfers and workbins.
extension ReadingTests {
    @Test(arguments: Reading.conferenceInvitee.alternativeNames)
    func conferenceInvitee(_ choice: String) throws {
        let readings = Readings(.conferenceInvitee, choice)
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let before = desk.center.interactions[id]?.participants
        let acting = desk.run(.updateProperties(["a": 1]), id, by: "agent-2")
        let listed = desk.center.interactions(listedFor: "agent-2").map(\.id)
        let visible = (try? desk.center.interaction(id, visibleTo: "agent-2")) != nil
        // Under on-accept only the owner is a participant yet: there is no conference to end.
        let onAccept = readings.follows(.conferenceInvitee, "on-accept")
        let ownerEnds = onAccept ? desk.run(.endConference(agentId: "agent-2"), id, by: "agent-1") : []
        let accepted = desk.run(.accept, id, by: "agent-2")
        let after = desk.center.interactions[id]?.participants
        let actingAfter = desk.run(.updateProperties(["a": 2]), id, by: "agent-2")
        #expect(started == ["agent-2:InvitedConference"])
        #expect(accepted == ["agent-2:Accepted"])
        #expect(after == ["agent-1", "agent-2"])
        #expect(actingAfter == ["agent-1:PropertiesUpdated", "agent-2:PropertiesUpdated"])
        #expect(visible)
        switch choice {
        case "at-once":
            #expect(before == ["agent-1", "agent-2"])
            #expect(acting == ["agent-1:PropertiesUpdated", "agent-2:PropertiesUpdated"])
            #expect(listed == [id])
        case "on-accept":
            #expect(before == ["agent-1"])
            #expect(acting == ["409"])
            #expect(listed.isEmpty)
            #expect(ownerEnds == ["409"])
        default:
            Issue.record("no expectations for alternative '\(choice)'")
        }
    }

    @Test func pendingConferenceInviteesDecline() throws {
        var desk = Desk(readings: try Self.readings("conference-invitee=on-accept"))
        let id = try desk.accepted()
        _ = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let again = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let rejected = desk.run(.reject, id, by: "agent-2")
        let acceptAfterReject = desk.run(.accept, id, by: "agent-2")
        _ = desk.run(.startConference(agentId: "agent-3"), id, by: "agent-1")
        let ended = desk.run(.endConference(agentId: "agent-3"), id, by: "agent-3")
        let acceptAfterEnd = desk.run(.accept, id, by: "agent-3")
        #expect(again == ["409"])
        #expect(rejected == ["agent-2:Rejected"])
        #expect(acceptAfterReject == ["403"])
        #expect(ended == ["agent-1:LeftConference"])
        #expect(acceptAfterEnd == ["403"])
        #expect(desk.center.interactions[id]?.participants == ["agent-1"])
        #expect(desk.center.interactions[id]?.conferenceInvitees.isEmpty == true)
    }

    @Test(arguments: Reading.conferenceInvitedRecipient.alternativeNames)
    func conferenceInvitedRecipient(_ choice: String) throws {
        let readings = Readings(.conferenceInvitedRecipient, choice)
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let accepted = desk.run(.accept, id, by: "agent-2")
        let initiator = readings.follows(.conferenceInvitedRecipient, "initiator")
        #expect(started == [initiator ? "agent-1:InvitedConference" : "agent-2:InvitedConference"])
        #expect(accepted == ["agent-2:Accepted"])
    }

    @Test(arguments: Reading.transferOwnership.alternativeNames)
    func transferOwnership(_ choice: String) throws {
        let readings = Readings(.transferOwnership, choice)
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        let transferred = desk.run(.transfer(targetId: "agent-2"), id, by: "agent-1")
        let owners = desk.center.interactions(handledBy: "agent-2").map(\.id)
        let formerOwner = desk.run(.stopProcessing, id, by: "agent-1")
        let accepted = desk.run(.accept, id, by: "agent-2")
        let stopped = desk.run(.stopProcessing, id, by: "agent-2")
        #expect(desk.center.interactions(handledBy: "agent-1").isEmpty)
        #expect(formerOwner == ["403"])
        #expect(stopped == ["agent-2:Completed"])
        switch choice {
        case "on-accept":
            #expect(transferred == ["agent-1:Transferred", "agent-2:Invited"])
            #expect(owners.isEmpty)
            #expect(accepted == ["agent-2:Accepted"])
        case "at-once":
            #expect(transferred == ["agent-1:Transferred", "agent-2:Transferred"])
            #expect(owners == [id])
            #expect(accepted == ["409"])
        default:
            Issue.record("no expectations for alternative '\(choice)'")
        }
    }

    @Test(arguments: Reading.leaveConferenceAlias.alternativeNames)
    func leaveConferenceAlias(_ choice: String) async throws {
        let readings = Readings(.leaveConferenceAlias, choice)
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.accepted()
            _ = try await harness.agent1.operate(id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            let leave = try await harness.agent2.operate(
                id, #"{"operationName":"LeaveConference","agentId":"agent-2"}"#)
            let end = try await harness.agent1.operate(id, #"{"operationName":"EndConference","agentId":"agent-2"}"#)
            let alias = readings.follows(.leaveConferenceAlias, "accepted")
            #expect(leave.status == (alias ? 200 : 400))
            // EndConference works either way; after an accepted LeaveConference there is no conference left.
            #expect(end.status == (alias ? 409 : 200))
        }
    }

    @Test(arguments: Reading.endConferenceAgent.alternativeNames)
    func endConferenceAgent(_ choice: String) throws {
        let readings = Readings(.endConferenceAgent, choice)
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        _ = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        _ = desk.run(.startConference(agentId: "agent-3"), id, by: "agent-1")
        let other = desk.run(.endConference(agentId: "agent-2"), id, by: "agent-1")
        let own = desk.run(.endConference(agentId: "agent-3"), id, by: "agent-3")
        let stranger = desk.run(.endConference(agentId: "agent-3"), id, by: "agent-3")
        #expect(own.contains("agent-1:LeftConference"))
        #expect(stranger == ["403"])
        switch choice {
        case "leaver":
            #expect(other == ["agent-1:LeftConference", "agent-3:LeftConference"])
            #expect(desk.center.interactions[id]?.participants == ["agent-1"])
        case "caller":
            #expect(other == ["400"])
            #expect(desk.center.interactions[id]?.participants == ["agent-1", "agent-2"])
        default:
            Issue.record("no expectations for alternative '\(choice)'")
        }
    }

    @Test(arguments: Reading.getWorkbinContentId.alternativeNames)
    func getWorkbinContentId(_ choice: String) throws {
        let readings = Readings(.getWorkbinContentId, choice)
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        _ = desk.run(.placeInWorkbin(["workbin-a"]), id, by: "agent-1")
        let unknown = desk.run(.getWorkbinContent(workbin: "workbin-a"), "NoSuchOne", by: "agent-2")
        let known = desk.run(.getWorkbinContent(workbin: "workbin-a"), id, by: "agent-2")
        let ignored = readings.follows(.getWorkbinContentId, "ignored")
        #expect(unknown == (ignored ? ["agent-2:?"] : ["404"]))
        #expect(known == ["agent-2:?"])
        if ignored {
            let content = try desk.message(.getWorkbinContent(workbin: "workbin-a"), "any-id", by: "agent-3")
            #expect(content?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        }
    }

    @Test(arguments: Reading.workbinForm.alternativeNames)
    func workbinForm(_ choice: String) throws {
        var configuration = ReferenceServerConfiguration.generated()
        configuration.readings[.workbinForm] = choice
        let listOnly = configuration.readings.follows(.workbinForm, "list")
        let stringOnly = configuration.readings.follows(.workbinForm, "string")
        let string = JSONValue.parse(#"{"operationName":"PlaceInWorkbin","workbin":"workbin-a"}"#)!
        let list = JSONValue.parse(#"{"operationName":"PlaceInWorkbin","workbin":["workbin-a","workbin-b"]}"#)!
        let number = JSONValue.parse(#"{"operationName":"PlaceInWorkbin","workbin":5}"#)!
        let stringResult = Result { () throws(APIFailure) in
            try InteractionOperation.parse(string, configuration: configuration)
        }
        let listResult = Result { () throws(APIFailure) in
            try InteractionOperation.parse(list, configuration: configuration)
        }
        #expect((try? stringResult.get()) == (listOnly ? nil : .placeInWorkbin(["workbin-a"])))
        #expect((try? listResult.get()) == (stringOnly ? nil : .placeInWorkbin(["workbin-a", "workbin-b"])))
        if listOnly {
            #expect(throws: APIFailure.badRequest("Parameter 'workbin' must be a non-empty array of strings")) {
                try stringResult.get()
            }
        }
        if stringOnly {
            #expect(throws: APIFailure.badRequest("Parameter 'workbin' must be a string")) { try listResult.get() }
        }
        // Neither form: the refusal says which form this reading takes.
        let expected =
            listOnly
            ? "a non-empty array of strings" : stringOnly ? "a string" : "a string or a non-empty array of strings"
        #expect(throws: APIFailure.badRequest("Parameter 'workbin' must be \(expected)")) {
            try InteractionOperation.parse(number, configuration: configuration)
        }
    }
}
