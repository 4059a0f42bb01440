import Testing

@testable import ReferenceServer

/// Every alternative of every reading does what it says, next to the default where the difference shows.
@Suite struct ReadingTests {
    static func readings(_ assignments: String...) throws -> Readings {
        try Readings(parsing: assignments)
    }

    // MARK: - One test per reading, each alternative

    @Test(arguments: Reading.successBody.alternativeNames)
    func successBody(_ choice: String) async throws {
        let readings = Readings(.successBody, choice)
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.create()
            let accept = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            let refused = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            #expect(accept.status == 200)
            #expect(accept.text == (readings.follows(.successBody, "empty") ? "" : #"{"status":"ok"}"#))
            #expect(refused.status == 409)
            #expect(refused.json?["status"] == "error")
        }
    }

    @Test(arguments: Reading.refusalStatus.alternativeNames)
    func refusalStatus(_ choice: String) async throws {
        let readings = Readings(.refusalStatus, choice)
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
            let ok = readings.follows(.refusalStatus, "200")
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

    @Test(arguments: Reading.notificationChannel.alternativeNames)
    func notificationChannel(_ choice: String) async throws {
        let readings = Readings(.notificationChannel, choice)
        try await Harness.with(readings: readings) { harness in
            let trailing = readings.follows(.notificationChannel, "trailing-slash")
            let published = trailing ? "/v2/me/interactions/" : "/v2/me/interactions"
            let other = trailing ? "/v2/me/interactions" : "/v2/me/interactions/"
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

    @Test(arguments: Reading.invitedState.alternativeNames)
    func invitedState(_ choice: String) throws {
        let readings = Readings(.invitedState, choice)
        var desk = Desk(readings: readings)
        let state = readings.follows(.invitedState, "other") ? "New" : "Invited"
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
        let readings = Readings(.rejectRecipient, "another-agent")
        var last = Desk(readings: readings)
        let second = try last.create()
        #expect(last.run(.reject, second, by: "agent-1") == ["agent-1:Rejected", "agent-3:Invited"])
        // The last agent rejects too: the next choice skips both.
        #expect(last.run(.reject, second, by: "agent-3") == ["agent-3:Rejected", "agent-2:Invited"])
    }

    @Test(arguments: Reading.handledIncludesInvited.alternativeNames)
    func handledIncludesInvited(_ choice: String) throws {
        var readings = Readings(.handledIncludesInvited, choice)
        readings[.conferenceInvitee] = "on-accept"
        var desk = Desk(readings: readings)
        let routed = try desk.create(for: "agent-2")
        let transferred = try desk.accepted(by: "agent-1")
        _ = desk.run(.transfer(targetId: "agent-2"), transferred, by: "agent-1")
        let conference = try desk.accepted(by: "agent-3")
        _ = desk.run(.startConference(agentId: "agent-2"), conference, by: "agent-3")
        let accepted = try desk.accepted(by: "agent-2")
        let listed = desk.center.interactions(listedFor: "agent-2").map(\.id)
        let invitedToo = readings.follows(.handledIncludesInvited, "invited-too")
        #expect(listed == (invitedToo ? [routed, transferred, conference, accepted] : [accepted]))
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

    @Test(arguments: Reading.firstConnect.alternativeNames)
    func firstConnect(_ choice: String) throws {
        let start = ContinuousClock.now
        let held = Readings(.firstConnect, choice).follows(.firstConnect, "held")
        var state = BayeuxServerState(settings: .init(holdsFirstConnect: held))
        let handshake = state.receive(["channel": "/meta/handshake"], from: "agent-1", at: start).replies[0]
        let clientId = try #require(handshake["clientId"]?.stringValue)
        let connect: JSONValue = ["channel": "/meta/connect", "clientId": .string(clientId), "id": "1"]
        let first = state.receive(connect, from: "agent-1", at: start)
        if held {
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

    @Test(arguments: Reading.putBody.alternativeNames)
    func putBody(_ choice: String) async throws {
        let readings = Readings(.putBody, choice)
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
            #expect(missing.status == (readings.follows(.putBody, "refused") ? 404 : 400))
            #expect(anonymous.status == 401)
            switch choice {
            case "properties":
                #expect(put.status == 200)
                #expect(details.json?["interaction"]?["properties"] == ["a": 1])
            case "refused":
                #expect(put.status == 400)
                #expect(put.json?["status"] == "error")
                #expect(details.json?["interaction"]?["properties"] == [:])
            default:
                Issue.record("no expectations for alternative '\(choice)'")
            }
        }
    }

    @Test(arguments: Reading.adminGet.alternativeNames)
    func adminGet(_ choice: String) async throws {
        let readings = Readings(.adminGet, choice)
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
            case "refused":
                for reply in [uris, full, one] {
                    #expect(reply.status == 403)
                    #expect(reply.json?["status"] == "error")
                }
            case "allowed":
                #expect(uris.status == 200)
                #expect(uris.json == ["statusCode": 0, "uris": []])
                #expect(full.json == ["statusCode": 0, "interactions": []])
                #expect(one.status == 200)
                #expect(one.json?["interaction"]?["participants"] == ["agent-1"])
                #expect(missing.status == 404)
            default:
                Issue.record("no expectations for alternative '\(choice)'")
            }
        }
    }

    @Test(arguments: Reading.operationNameCase.alternativeNames)
    func operationNameCase(_ choice: String) async throws {
        var readings = Readings(.operationNameCase, choice)
        readings[.leaveConferenceAlias] = "accepted"
        let insensitive = readings.follows(.operationNameCase, "insensitive")
        try await Harness.with(readings: readings) { harness in
            let id = try await harness.create()
            let lower = try await harness.agent1.operate(id, #"{"operationName":"accept"}"#)
            let upper = try await harness.agent1.operate(
                id, #"{"operationName":"STARTCONFERENCE","agentId":"agent-2"}"#)
            let alias = try await harness.agent2.operate(
                id, #"{"operationName":"leaveConference","agentId":"agent-2"}"#)
            let unknown = try await harness.agent1.operate(id, #"{"operationName":"dance"}"#)
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
