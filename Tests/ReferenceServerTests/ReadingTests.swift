import Testing

@testable import ReferenceServer

/// Every alternative of every reading does what it says, next to the default where the difference shows.
@Suite struct ReadingTests {
    static func readings(_ assignments: String...) throws -> Readings {
        try Readings(parsing: assignments)
    }

    // MARK: - Listing and parsing

    /// The names are a contract with the suite's `specs/readings.yaml`.
    @Test func readingsAreTheContractedOnesWithTheDefaultFirst() {
        let contract: [String: [String]] = [
            "success-body": ["ok-body", "empty"], "refusal-status": ["4xx", "200"],
            "notification-channel": ["no-slash", "trailing-slash"], "invited-state": ["Invited", "other"],
            "handled-includes-invited": ["accepted-only", "invited-too"],
            "conference-invitee": ["at-once", "on-accept"], "conference-invited-recipient": ["invitee", "initiator"],
            "transfer-ownership": ["on-accept", "at-once"], "leaveconference-alias": ["absent", "accepted"],
            "endconference-agent": ["leaver", "caller"], "getworkbincontent-id": ["existing", "ignored"],
            "workbin-form": ["either", "string", "list"], "first-connect": ["immediate", "held"],
            "put-body": ["properties", "refused"], "admin-get": ["refused", "allowed"],
            "operation-name-case": ["exact", "insensitive"], "reject-recipient": ["next-agent", "another-agent"],
        ]
        #expect(Reading.allCases.count == contract.count)
        for reading in Reading.allCases {
            #expect(reading.alternatives.map(\.name) == contract[reading.rawValue])
            #expect(reading.defaultAlternative == contract[reading.rawValue]?.first)
            #expect(!reading.summary.isEmpty)
            #expect(reading.alternatives.allSatisfy { !$0.summary.isEmpty && !$0.summary.contains("\n") })
            #expect(Readings()[reading] == reading.defaultAlternative)
        }
        #expect(Readings().nonDefault.isEmpty)
    }

    @Test func assignmentsSelectAlternatives() throws {
        let readings = try Readings(parsing: ["refusal-status=200", " workbin-form = list ", "put-body=properties"])
        #expect(readings.refusalStatus == .ok)
        #expect(readings.workbinForm == .list)
        #expect(readings[.workbinForm] == "list")
        #expect(readings.nonDefault == ["refusal-status=200", "workbin-form=list"])
        var every = Readings()
        for reading in Reading.allCases {
            let last = try #require(reading.alternatives.last)
            try every.select(last.name, for: reading)
        }
        #expect(every.nonDefault.count == Reading.allCases.count)
        #expect(try Readings(parsing: every.nonDefault) == every)
    }

    @Test func parseErrorsSayWhatIsWrong() {
        #expect(throws: ReadingError.unknownReading("x")) { try Readings(parsing: ["x=1"]) }
        #expect(
            throws: ReadingError.unknownAlternative(reading: .refusalStatus, alternative: "y")
        ) { try Readings(parsing: ["refusal-status=y"]) }
        #expect(throws: ReadingError.malformed("refusal-status")) { try Readings(parsing: ["refusal-status"]) }
        #expect(throws: ReadingError.malformed("=200")) { try Readings(parsing: ["=200"]) }
        #expect(
            throws: ReadingError.conflicting(reading: .refusalStatus, alternatives: ["200", "4xx"])
        ) { try Readings(parsing: ["refusal-status=200", "refusal-status=4xx"]) }
        #expect((try? Readings(parsing: ["refusal-status=200", "refusal-status=200"]))?.refusalStatus == .ok)
        #expect(
            ReadingError.unknownReading("x").description == "unknown reading 'x'; --list-readings lists them"
        )
        #expect(
            ReadingError.unknownAlternative(reading: .refusalStatus, alternative: "y").description
                == "reading 'refusal-status' has no alternative 'y' (alternatives: 4xx, 200)"
        )
        #expect(
            ReadingError.unknownReading("x").description(listedBy: "`conformance serve --list-readings`")
                == "unknown reading 'x'; `conformance serve --list-readings` lists them"
        )
    }

    // MARK: - One test per reading, each alternative

    @Test(arguments: Readings.SuccessBody.allCases)
    func successBody(_ choice: Readings.SuccessBody) async throws {
        var readings = Readings()
        readings.successBody = choice
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.create()
            let accept = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            let refused = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            #expect(accept.status == 200)
            #expect(accept.text == (choice == .empty ? "" : #"{"status":"ok"}"#))
            #expect(refused.status == 409)
            #expect(refused.json?["status"] == "error")
        }
    }

    @Test(arguments: Readings.RefusalStatus.allCases)
    func refusalStatus(_ choice: Readings.RefusalStatus) async throws {
        var readings = Readings()
        readings.refusalStatus = choice
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.accepted()
            let missing = try await harness.agent1.operate("NoSuchOne", #"{"operationName":"Accept"}"#)
            let twice = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            let foreignGet = try await harness.agent2.get("/api/v2/interactions/\(id)")
            let foreignPut = try await harness.agent2.send(.put, "/api/v2/interactions/\(id)", body: "{}")
            let unknownRoute = try await harness.agent1.get("/api/v2/nothing")
            var wrong = harness.agent1
            wrong.authorization = "Basic " + "agent1:not-the-password".utf8.base64
            let unauthorized = try await wrong.operate(id, #"{"operationName":"Accept"}"#)
            let ok = choice == .ok
            #expect(missing.status == (ok ? 200 : 404))
            #expect(twice.status == (ok ? 200 : 409))
            #expect(foreignGet.status == (ok ? 200 : 403))
            #expect(foreignPut.status == (ok ? 200 : 403))
            for reply in [missing, twice, foreignGet, foreignPut, unknownRoute, unauthorized] {
                #expect(reply.json?["status"] == "error")
                #expect(reply.json?["errorDescription"]?.stringValue?.isEmpty == false)
            }
            #expect(unknownRoute.status == 404)
            #expect(unauthorized.status == 401)
        }
    }

    @Test(arguments: Readings.NotificationChannel.allCases)
    func notificationChannel(_ choice: Readings.NotificationChannel) async throws {
        var readings = Readings()
        readings.notificationChannel = choice
        try await Harness.with(readings: readings) { harness in
            let published = choice == .trailingSlash ? "/v2/me/interactions/" : "/v2/me/interactions"
            let other = choice == .trailingSlash ? "/v2/me/interactions" : "/v2/me/interactions/"
            let onPublished = try await NotificationListener.open(harness.agent1, channels: [published])
            let onOther = try await NotificationListener.open(harness.agent1, channels: [other])
            let onBoth = try await NotificationListener.open(harness.agent1, channels: [other, published])
            let id = try await harness.create()
            let received = try await onPublished.connectMessages()
            let once = try await onBoth.connectMessages()
            // Without the variant's delay, a change is queued on every session before the fixture answers: a
            // session on the other spelling got nothing if its queue is empty now (no quiet period is timed).
            let nothing = await harness.queued(for: onOther.clientId)
            #expect(received.map { $0["channel"] } == [.string(published)])
            #expect(received.first?["data"]?["id"] == .string(id))
            #expect(nothing == [])
            #expect(once.map { $0["channel"] } == [.string(published)])
        }
    }

    @Test(arguments: Readings.InvitedState.allCases)
    func invitedState(_ choice: Readings.InvitedState) throws {
        var readings = Readings()
        readings.invitedState = choice
        var desk = Desk(readings: readings)
        let state = choice == .other ? "New" : "Invited"
        let id = try desk.create()
        let rejected = desk.run(.reject, id, by: "agent-1")
        _ = desk.run(.accept, id, by: "agent-2")
        let transferred = desk.run(.transfer(targetId: "agent-3"), id, by: "agent-2")
        let invited = try desk.create()
        let message = try #require(desk.center.interactions[invited]).currentMessage(
            invitation: desk.center.configuration.invitationState)
        #expect(rejected == ["agent-1:Rejected", "agent-2:\(state)"])
        #expect(transferred == ["agent-2:Transferred", "agent-3:\(state)"])
        #expect(message["state"] == .string(state))
        var fresh = Desk(readings: readings)
        let notifications = try fresh.center.create(mediaType: "email", agentId: "agent-1", properties: [:])
        #expect(notifications.notifications.map(Desk.describe) == ["agent-1:\(state)"])
    }

    @Test func aRejectedInteractionGoesToTheNextAgentOrTheLastOne() throws {
        var next = Desk()
        let first = try next.create()
        #expect(next.run(.reject, first, by: "agent-1") == ["agent-1:Rejected", "agent-2:Invited"])
        var readings = Readings()
        readings.rejectRecipient = .anotherAgent
        var last = Desk(readings: readings)
        let second = try last.create()
        #expect(last.run(.reject, second, by: "agent-1") == ["agent-1:Rejected", "agent-3:Invited"])
        // The last agent rejects too: the next choice skips both.
        #expect(last.run(.reject, second, by: "agent-3") == ["agent-3:Rejected", "agent-2:Invited"])
    }

    @Test(arguments: Readings.HandledIncludesInvited.allCases)
    func handledIncludesInvited(_ choice: Readings.HandledIncludesInvited) throws {
        var readings = Readings()
        readings.handledIncludesInvited = choice
        readings.conferenceInvitee = .onAccept
        var desk = Desk(readings: readings)
        let routed = try desk.create(for: "agent-2")
        let transferred = try desk.accepted(by: "agent-1")
        _ = desk.run(.transfer(targetId: "agent-2"), transferred, by: "agent-1")
        let conference = try desk.accepted(by: "agent-3")
        _ = desk.run(.startConference(agentId: "agent-2"), conference, by: "agent-3")
        let accepted = try desk.accepted(by: "agent-2")
        let listed = desk.center.interactions(listedFor: "agent-2").map(\.id)
        #expect(listed == (choice == .invitedToo ? [routed, transferred, conference, accepted] : [accepted]))
        #expect(desk.center.interactions(handledBy: "agent-2").map(\.id) == [accepted])
        #expect(desk.center.interactions(listedFor: "agent-1").isEmpty)
    }

    @Test func handledIncludesInvitedOnTheWire() async throws {
        try await Harness.with(readings: try Self.readings("handled-includes-invited=invited-too")) { harness in
            let id = try await harness.create()
            let full = try await harness.agent1.get("/api/v2/me/interactions?fields=*")
            let uris = try await harness.agent1.get("/api/v2/me/interactions")
            #expect(full.json?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
            #expect(full.json?["interactions"]?.arrayValue?.first?["state"] == "Invited")
            #expect(uris.json?["uris"] == [.string("\(harness.server.baseURL)/interactions/\(id)")])
        }
    }

    @Test(arguments: Readings.ConferenceInvitee.allCases)
    func conferenceInvitee(_ choice: Readings.ConferenceInvitee) throws {
        var readings = Readings()
        readings.conferenceInvitee = choice
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let before = desk.center.interactions[id]?.participants
        let acting = desk.run(.updateProperties(["a": 1]), id, by: "agent-2")
        let listed = desk.center.interactions(listedFor: "agent-2").map(\.id)
        let visible = (try? desk.center.interaction(id, visibleTo: "agent-2")) != nil
        // Under on-accept only the owner is a participant yet: there is no conference to end.
        let ownerEnds = choice == .onAccept ? desk.run(.endConference(agentId: "agent-2"), id, by: "agent-1") : []
        let accepted = desk.run(.accept, id, by: "agent-2")
        let after = desk.center.interactions[id]?.participants
        let actingAfter = desk.run(.updateProperties(["a": 2]), id, by: "agent-2")
        #expect(started == ["agent-2:InvitedConference"])
        #expect(accepted == ["agent-2:Accepted"])
        #expect(after == ["agent-1", "agent-2"])
        #expect(actingAfter == ["agent-1:PropertiesUpdated", "agent-2:PropertiesUpdated"])
        #expect(visible)
        switch choice {
        case .atOnce:
            #expect(before == ["agent-1", "agent-2"])
            #expect(acting == ["agent-1:PropertiesUpdated", "agent-2:PropertiesUpdated"])
            #expect(listed == [id])
        case .onAccept:
            #expect(before == ["agent-1"])
            #expect(acting == ["409"])
            #expect(listed.isEmpty)
            #expect(ownerEnds == ["409"])
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

    @Test(arguments: Readings.ConferenceInvitedRecipient.allCases)
    func conferenceInvitedRecipient(_ choice: Readings.ConferenceInvitedRecipient) throws {
        var readings = Readings()
        readings.conferenceInvitedRecipient = choice
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let accepted = desk.run(.accept, id, by: "agent-2")
        #expect(started == [choice == .initiator ? "agent-1:InvitedConference" : "agent-2:InvitedConference"])
        #expect(accepted == ["agent-2:Accepted"])
    }

    @Test(arguments: Readings.TransferOwnership.allCases)
    func transferOwnership(_ choice: Readings.TransferOwnership) throws {
        var readings = Readings()
        readings.transferOwnership = choice
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
        case .onAccept:
            #expect(transferred == ["agent-1:Transferred", "agent-2:Invited"])
            #expect(owners.isEmpty)
            #expect(accepted == ["agent-2:Accepted"])
        case .atOnce:
            #expect(transferred == ["agent-1:Transferred", "agent-2:Transferred"])
            #expect(owners == [id])
            #expect(accepted == ["409"])
        }
    }

    @Test(arguments: Readings.LeaveConferenceAlias.allCases)
    func leaveConferenceAlias(_ choice: Readings.LeaveConferenceAlias) async throws {
        var readings = Readings()
        readings.leaveConferenceAlias = choice
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.accepted()
            _ = try await harness.agent1.operate(id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            let leave = try await harness.agent2.operate(
                id, #"{"operationName":"LeaveConference","agentId":"agent-2"}"#)
            let end = try await harness.agent1.operate(id, #"{"operationName":"EndConference","agentId":"agent-2"}"#)
            #expect(leave.status == (choice == .accepted ? 200 : 400))
            // EndConference works either way; after an accepted LeaveConference there is no conference left.
            #expect(end.status == (choice == .accepted ? 409 : 200))
        }
    }

    @Test(arguments: Readings.EndConferenceAgent.allCases)
    func endConferenceAgent(_ choice: Readings.EndConferenceAgent) throws {
        var readings = Readings()
        readings.endConferenceAgent = choice
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
        case .leaver:
            #expect(other == ["agent-1:LeftConference", "agent-3:LeftConference"])
            #expect(desk.center.interactions[id]?.participants == ["agent-1"])
        case .caller:
            #expect(other == ["400"])
            #expect(desk.center.interactions[id]?.participants == ["agent-1", "agent-2"])
        }
    }

    @Test(arguments: Readings.GetWorkbinContentId.allCases)
    func getWorkbinContentId(_ choice: Readings.GetWorkbinContentId) throws {
        var readings = Readings()
        readings.getWorkbinContentId = choice
        var desk = Desk(readings: readings)
        let id = try desk.accepted()
        _ = desk.run(.placeInWorkbin(["workbin-a"]), id, by: "agent-1")
        let unknown = desk.run(.getWorkbinContent(workbin: "workbin-a"), "NoSuchOne", by: "agent-2")
        let known = desk.run(.getWorkbinContent(workbin: "workbin-a"), id, by: "agent-2")
        #expect(unknown == (choice == .ignored ? ["agent-2:?"] : ["404"]))
        #expect(known == ["agent-2:?"])
        if choice == .ignored {
            let content = try desk.message(.getWorkbinContent(workbin: "workbin-a"), "any-id", by: "agent-3")
            #expect(content?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        }
    }

    @Test(arguments: Readings.WorkbinForm.allCases)
    func workbinForm(_ choice: Readings.WorkbinForm) throws {
        var configuration = ReferenceServerConfiguration.generated()
        configuration.readings.workbinForm = choice
        let string = JSONValue.parse(#"{"operationName":"PlaceInWorkbin","workbin":"workbin-a"}"#)!
        let list = JSONValue.parse(#"{"operationName":"PlaceInWorkbin","workbin":["workbin-a","workbin-b"]}"#)!
        let stringResult = Result { () throws(APIFailure) in
            try InteractionOperation.parse(string, configuration: configuration)
        }
        let listResult = Result { () throws(APIFailure) in
            try InteractionOperation.parse(list, configuration: configuration)
        }
        #expect((try? stringResult.get()) == (choice == .list ? nil : .placeInWorkbin(["workbin-a"])))
        #expect((try? listResult.get()) == (choice == .string ? nil : .placeInWorkbin(["workbin-a", "workbin-b"])))
        if choice == .list {
            #expect(throws: APIFailure.badRequest("Parameter 'workbin' must be a non-empty array of strings")) {
                try stringResult.get()
            }
        }
        if choice == .string {
            #expect(throws: APIFailure.badRequest("Parameter 'workbin' must be a string")) { try listResult.get() }
        }
    }

    @Test(arguments: Readings.FirstConnect.allCases)
    func firstConnect(_ choice: Readings.FirstConnect) throws {
        let start = ContinuousClock.now
        var state = BayeuxServerState(settings: .init(holdsFirstConnect: choice == .held))
        let handshake = state.receive(["channel": "/meta/handshake"], from: "agent-1", at: start).replies[0]
        let clientId = try #require(handshake["clientId"]?.stringValue)
        let connect: JSONValue = ["channel": "/meta/connect", "clientId": .string(clientId), "id": "1"]
        let first = state.receive(connect, from: "agent-1", at: start)
        if choice == .held {
            #expect(first.hold != nil)
            #expect(first.replies.isEmpty)
            #expect(state.isHolding(clientId))
        } else {
            #expect(first.hold == nil)
            #expect(first.replies.map { $0["successful"] } == [true])
        }
        // Later connects are held under both alternatives.
        let second = state.receive(connect, from: "agent-1", at: start)
        #expect(second.hold != nil)
    }

    @Test func firstConnectHeldOnTheWire() async throws {
        let readings = try Self.readings("first-connect=held")
        try await Harness.with(readings: readings, longPollTimeout: .seconds(30)) { harness in
            let listener = try await NotificationListener.open(harness.agent1, firstConnect: false)
            try await withThrowingTaskGroup(of: [JSONValue].self) { group in
                group.addTask { try await listener.connect() }
                #expect(await harness.server.core.waitUntilHolding(listener.clientId, timeout: .seconds(30)))
                let id = try await harness.create()
                let delivered = try #require(try await group.next())
                #expect(delivered.map { $0["id"] } == [.string(id)])
            }
        }
    }

    @Test(arguments: Readings.PutBody.allCases)
    func putBody(_ choice: Readings.PutBody) async throws {
        var readings = Readings()
        readings.putBody = choice
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.accepted()
            let path = "/api/v2/interactions/\(id)"
            let put = try await harness.agent1.send(.put, path, body: #"{"properties":{"a":1}}"#)
            let broken = try await harness.agent1.send(.put, path, body: "{")
            let stranger = try await harness.agent2.send(.put, path, body: #"{"properties":{"a":2}}"#)
            let missing = try await harness.agent1.send(.put, "/api/v2/interactions/NoSuchOne", body: "{")
            let anonymous = try await harness.anonymous.send(.put, path, body: #"{"properties":{"a":3}}"#)
            let details = try await harness.agent1.get(path)
            #expect(broken.status == 400)
            #expect(stranger.status == 403)
            #expect(missing.status == (choice == .refused ? 404 : 400))
            #expect(anonymous.status == 401)
            switch choice {
            case .properties:
                #expect(put.status == 200)
                #expect(details.json?["interaction"]?["properties"] == ["a": 1])
            case .refused:
                #expect(put.status == 400)
                #expect(put.json?["status"] == "error")
                #expect(details.json?["interaction"]?["properties"] == [:])
            }
        }
    }

    @Test(arguments: Readings.AdminGet.allCases)
    func adminGet(_ choice: Readings.AdminGet) async throws {
        var readings = Readings()
        readings.adminGet = choice
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.accepted()
            let uris = try await harness.admin.get("/api/v2/me/interactions")
            let full = try await harness.admin.get("/api/v2/me/interactions?fields=*")
            let one = try await harness.admin.get("/api/v2/interactions/\(id)")
            let missing = try await harness.admin.get("/api/v2/interactions/NoSuchOne")
            let all = try await harness.admin.get("/api/v2/interactions")
            let operate = try await harness.admin.operate(id, #"{"operationName":"StopProcessing"}"#)
            #expect(all.status == 200)
            #expect(operate.status == 403)
            switch choice {
            case .refused:
                for reply in [uris, full, one] {
                    #expect(reply.status == 403)
                    #expect(reply.json?["status"] == "error")
                }
            case .allowed:
                #expect(uris.status == 200)
                #expect(uris.json == ["statusCode": 0, "uris": []])
                #expect(full.json == ["statusCode": 0, "interactions": []])
                #expect(one.status == 200)
                #expect(one.json?["interaction"]?["participants"] == ["agent-1"])
                #expect(missing.status == 404)
            }
        }
    }

    @Test(arguments: Readings.OperationNameCase.allCases)
    func operationNameCase(_ choice: Readings.OperationNameCase) async throws {
        var readings = Readings()
        readings.operationNameCase = choice
        readings.leaveConferenceAlias = .accepted
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.create()
            let lower = try await harness.agent1.operate(id, #"{"operationName":"accept"}"#)
            let upper = try await harness.agent1.operate(
                id, #"{"operationName":"STARTCONFERENCE","agentId":"agent-2"}"#)
            let alias = try await harness.agent2.operate(
                id, #"{"operationName":"leaveConference","agentId":"agent-2"}"#)
            let unknown = try await harness.agent1.operate(id, #"{"operationName":"dance"}"#)
            let insensitive = choice == .insensitive
            #expect(lower.status == (insensitive ? 200 : 400))
            #expect(upper.status == (insensitive ? 200 : 400))
            #expect(alias.status == (insensitive ? 200 : 400))
            #expect(unknown.status == 400)
        }
    }

    // MARK: - Combinations

    /// Every reading at a non-default alternative, with the variant: a conference and a transfer still work.
    @Test(arguments: [false, true])
    func everyNonDefaultReadingTogether(variant: Bool) async throws {
        var readings = Readings()
        for reading in Reading.allCases {
            try readings.select(reading.alternatives.last!.name, for: reading)
        }
        try await Harness.with(readings: readings, variant: variant) { harness in
            let published = "/v2/me/interactions/"
            let one = try await NotificationListener.open(harness.agent1, channels: [published], firstConnect: false)
            let id = try await harness.create()
            let invited = try await VariantTests.messages(one, until: "New").messages
            #expect(invited.contains { $0["channel"] == .string(published) && $0["data"]?["id"] == .string(id) })
            #expect(try await harness.agent1.operate(id, #"{"operationName":"accept"}"#).text == "")
            let start = try await harness.agent1.operate(
                id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            #expect(start.status == 200)
            let listed = try await harness.agent2.get("/api/v2/me/interactions?fields=*")
            #expect(listed.json?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
            #expect(try await harness.agent2.operate(id, #"{"operationName":"Accept"}"#).status == 200)
            let leave = try await harness.agent2.operate(
                id, #"{"operationName":"LeaveConference","agentId":"agent-2"}"#)
            #expect(leave.status == 200)
            let transfer = try await harness.agent1.operate(id, #"{"operationName":"Transfer","targetId":"agent-3"}"#)
            #expect(transfer.status == 200)
            let refused = try await harness.agent3.operate(id, #"{"operationName":"Accept"}"#)
            #expect(refused.status == 200)
            #expect(refused.json?["status"] == "error")
            let place = try await harness.agent3.operate(
                id, #"{"operationName":"PlaceInWorkbin","workbin":["workbin-a"]}"#)
            #expect(place.status == 200)
            #expect(place.text == "")
        }
    }
}
