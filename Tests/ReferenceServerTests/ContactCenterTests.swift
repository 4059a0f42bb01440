import Testing

@testable import ReferenceServer

/// The interaction model without HTTP: who may do what, what changes and who is told.
@Suite struct ContactCenterTests {
    @Test func creationInvitesTheAgent() throws {
        var desk = Desk()
        let (id, notifications) = try desk.center.create(mediaType: "chat", agentId: "agent-2", properties: ["k": "v"])
        #expect(id.count == 16)
        #expect(id.allSatisfy { $0.isLetter || $0.isNumber })
        #expect(notifications.map(Desk.describe) == ["agent-2:Invited"])
        #expect(notifications.first?.data["properties"] == ["k": "v"])
        #expect(notifications.first?.data["mediaType"] == "chat")
        #expect(notifications.first?.data["messageTypeName"] == "InteractionStateMessage")
        #expect(desk.center.interactions[id]?.status == .invited)
        #expect(desk.center.interactions(handledBy: "agent-2").isEmpty)
    }

    @Test func creationRefusesUnknownAgentOrMediaType() {
        var desk = Desk()
        #expect(throws: APIFailure.badRequest("Unknown media type 'fax'")) {
            try desk.center.create(mediaType: "fax", agentId: "agent-1", properties: [:])
        }
        #expect(throws: APIFailure.badRequest("Unknown agent 'agent-9'")) {
            try desk.center.create(mediaType: "email", agentId: "agent-9", properties: [:])
        }
        #expect(desk.center.interactions.isEmpty)
    }

    @Test func acceptMakesTheInviteeTheOwner() throws {
        var desk = Desk()
        let id = try desk.create()
        let stranger = desk.run(.accept, id, by: "agent-2")
        let accepted = desk.run(.accept, id, by: "agent-1")
        let again = desk.run(.accept, id, by: "agent-1")
        let unknown = desk.run(.accept, "missing", by: "agent-1")
        #expect(stranger == ["403"])
        #expect(accepted == ["agent-1:Accepted"])
        #expect(again == ["409"])
        #expect(unknown == ["404"])
        #expect(desk.center.interactions[id]?.participants == ["agent-1"])
    }

    @Test func rejectOffersTheInteractionToTheNextAgent() throws {
        var desk = Desk()
        let id = try desk.create()
        let first = desk.run(.reject, id, by: "agent-1")
        let again = desk.run(.reject, id, by: "agent-1")
        let second = desk.run(.reject, id, by: "agent-2")
        let last = desk.run(.reject, id, by: "agent-3")
        #expect(first == ["agent-1:Rejected", "agent-2:Invited"])
        #expect(again == ["403"])
        #expect(second == ["agent-2:Rejected", "agent-3:Invited"])
        #expect(last == ["agent-3:Rejected"])
        #expect(desk.center.interactions[id]?.status == .queued)
    }

    @Test func stopProcessingCompletesForEveryParticipant() throws {
        var desk = Desk()
        let invited = try desk.create()
        let early = desk.run(.stopProcessing, invited, by: "agent-1")
        let id = try desk.accepted()
        _ = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let stranger = desk.run(.stopProcessing, id, by: "agent-3")
        let stopped = desk.run(.stopProcessing, id, by: "agent-1")
        let again = desk.run(.stopProcessing, id, by: "agent-1")
        #expect(early == ["409"])
        #expect(stranger == ["403"])
        #expect(stopped == ["agent-1:Completed", "agent-2:Completed"])
        #expect(again == ["409"])
        #expect(desk.center.interactions(handledBy: "agent-1").isEmpty)
        #expect(desk.center.activeInteractions.map(\.id) == [invited])
    }

    @Test func placeInQueueReleasesTheInteraction() throws {
        var desk = Desk()
        let id = try desk.accepted()
        let queued = desk.run(.placeInQueue(queue: "queue-b"), id, by: "agent-1")
        #expect(queued == ["agent-1:Queued"])
        #expect(desk.center.interactions[id]?.status == .queued)
        #expect(desk.center.interactions[id]?.queue == "queue-b")
        #expect(desk.center.interactions(handledBy: "agent-1").isEmpty)
    }

    @Test func updatePropertiesMergesTopLevelKeys() throws {
        var desk = Desk()
        let id = try desk.create(["a": 1, "b": ["x": 1]])
        _ = desk.run(.accept, id, by: "agent-1")
        let message = try desk.message(.updateProperties(["b": ["y": 2], "c": "new"]), id, by: "agent-1")
        #expect(message?["state"] == "PropertiesUpdated")
        #expect(message?["properties"] == ["a": 1, "b": ["y": 2], "c": "new"])
        #expect(desk.center.interactions[id]?.properties == ["a": 1, "b": ["y": 2], "c": "new"])
    }

    @Test func workbinsHoldInteractionsAndReportThem() throws {
        var desk = Desk()
        let id = try desk.accepted()
        let placed = desk.run(.placeInWorkbin(["workbin-a", "workbin-b"]), id, by: "agent-1")
        #expect(placed == ["agent-1:PlacedInWorkbin"])
        #expect(throws: APIFailure.self) {
            try desk.message(.getWorkbinContent(workbin: "workbin-b"), "no-such-id", by: "agent-2")
        }
        let content = try desk.message(.getWorkbinContent(workbin: "workbin-b"), id, by: "agent-2")
        #expect(content?["messageTypeName"] == "WorkbinContent")
        #expect(content?["workbin"] == "workbin-b")
        #expect(content?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        #expect(content?["interactions"]?.arrayValue?.first?["state"] == "InWorkbin")
        let other = try desk.accepted()
        let inA = try desk.message(.getWorkbinContent(workbin: "workbin-a"), other, by: "agent-1")
        #expect(inA?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        desk.center.reset()
        let fresh = try desk.accepted()
        let none = try desk.message(.getWorkbinContent(workbin: "workbin-b"), fresh, by: "agent-2")
        #expect(none?["interactions"] == [])
    }

    @Test func transferMovesTheInteractionToTheTarget() throws {
        var desk = Desk()
        let id = try desk.accepted()
        let toSelf = desk.run(.transfer(targetId: "agent-1"), id, by: "agent-1")
        let transferred = desk.run(.transfer(targetId: "agent-2"), id, by: "agent-1")
        let formerOwner = desk.run(.stopProcessing, id, by: "agent-1")
        let accepted = desk.run(.accept, id, by: "agent-2")
        #expect(toSelf == ["400"])
        #expect(transferred == ["agent-1:Transferred", "agent-2:Invited"])
        #expect(formerOwner == ["403"])
        #expect(accepted == ["agent-2:Accepted"])
        #expect(desk.center.interactions(handledBy: "agent-1").isEmpty)
        #expect(desk.center.interactions[id]?.participants == ["agent-2"])
    }

    @Test func conferenceAddsAndRemovesAgents() throws {
        var desk = Desk()
        let id = try desk.accepted()
        let alone = desk.run(.endConference(agentId: "agent-1"), id, by: "agent-1")
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let twice = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let accepted = desk.run(.accept, id, by: "agent-2")
        let acceptedAgain = desk.run(.accept, id, by: "agent-2")
        let notInIt = desk.run(.endConference(agentId: "agent-3"), id, by: "agent-1")
        // The owner leaves: the next participant owns it and keeps it as the last one.
        let ended = desk.run(.endConference(agentId: "agent-1"), id, by: "agent-1")
        let participants = desk.center.interactions[id]?.participants
        let stopped = desk.run(.stopProcessing, id, by: "agent-2")
        #expect(alone == ["409"])
        #expect(started == ["agent-2:InvitedConference"])
        #expect(twice == ["409"])
        #expect(accepted == ["agent-2:Accepted"])
        #expect(acceptedAgain == ["409"])
        #expect(notInIt == ["409"])
        #expect(ended == ["agent-2:LeftConference"])
        #expect(participants == ["agent-2"])
        #expect(stopped == ["agent-2:Completed"])
    }

    @Test func failedOperationsChangeNothing() throws {
        var desk = Desk()
        let id = try desk.accepted()
        let before = desk.center.interactions
        let stranger = desk.run(.placeInQueue(queue: "queue-a"), id, by: "agent-2")
        let withSelf = desk.run(.startConference(agentId: "agent-1"), id, by: "agent-1")
        #expect(stranger == ["403"])
        #expect(withSelf == ["400"])
        #expect(desk.center.interactions == before)
    }

    @Test func silentDeviationsSendNothing() throws {
        var desk = Desk([.noInvitedNotification, .noLeftConference, .noInvitedConference])
        let created = try desk.center.create(mediaType: "email", agentId: "agent-1", properties: [:])
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let ended = desk.run(.endConference(agentId: "agent-2"), id, by: "agent-1")
        #expect(created.notifications.isEmpty)
        #expect(started.isEmpty)
        #expect(ended.isEmpty)
    }

    @Test func laxDeviationsAllowWhatTheDocumentForbids() throws {
        var keeping = Desk([.transferKeepsOwner])
        let kept = try keeping.accepted()
        _ = keeping.run(.transfer(targetId: "agent-2"), kept, by: "agent-1")
        #expect(keeping.center.interactions(handledBy: "agent-1").map(\.id) == [kept])

        var lax = Desk([.stopBeforeAccept, .acceptTwice])
        let invited = try lax.create()
        let stopped = lax.run(.stopProcessing, invited, by: "agent-1")
        let twice = try lax.accepted()
        let acceptedAgain = lax.run(.accept, twice, by: "agent-1")
        #expect(stopped == ["agent-1:Completed"])
        #expect(acceptedAgain.isEmpty)
    }
}
