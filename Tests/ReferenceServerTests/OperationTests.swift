import Testing

@testable import ReferenceServer

/// `POST /me/interactions/{id}` on a live server: the ten operations and their refusals.
@Suite struct OperationTests {
    static let ok: JSONValue = ["status": "ok"]

    /// Bodies that are refused with 400 before the interaction is looked at.
    @Test(arguments: [
        "{", "[]", #"{"foo":1}"#, #"{"operationName":7}"#, #"{"operationName":"Dance"}"#,
        #"{"operationName":"LeaveConference","agentId":"agent-2"}"#, #"{"operationName":"PlaceInQueue"}"#,
        #"{"operationName":"PlaceInQueue","queue":"queue-z"}"#, #"{"operationName":"PlaceInQueue","queue":1}"#,
        #"{"operationName":"UpdateProperties","properties":[1]}"#, #"{"operationName":"PlaceInWorkbin","workbin":[]}"#,
        #"{"operationName":"PlaceInWorkbin","workbin":["workbin-a","workbin-z"]}"#,
        #"{"operationName":"GetWorkbinContent","workbin":"workbin-z"}"#, #"{"operationName":"Transfer"}"#,
        #"{"operationName":"Transfer","targetId":"agent-9"}"#, #"{"operationName":"Transfer","targetId":"agent-1"}"#,
        #"{"operationName":"StartConference","agentId":"agent-1"}"#, #"{"operationName":"Accept",}"#,
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        #"{"operationName":"Accept","x":"# + String(repeating: #"{"a":"#, count: 5_000) + "1"
            + String(repeating: "}", count: 5_001),
    ])
    func badRequestsAre400AndChangeNothing(body: String) async throws {
        try await Harness.with { harness in
            let id = try await harness.accepted()
            let reply = try await harness.agent1.operate(id, body)
            let after = try await harness.agent1.get("/api/v2/interactions/\(id)")
            #expect(reply.status == 400)
            #expect(reply.json?["status"] == "error")
            #expect(reply.json?["errorDescription"]?.stringValue?.isEmpty == false)
            #expect(after.json?["interaction"]?["state"] == "Accepted")
            #expect(after.json?["interaction"]?["participants"] == ["agent-1"])
        }
    }

    @Test func stateConflictsAre409AndUnknownIdsAre404() async throws {
        try await Harness.with { harness in
            let invited = try await harness.create()
            let early = try await harness.agent1.operate(invited, #"{"operationName":"StopProcessing"}"#)
            let accept = try await harness.agent1.operate(invited, #"{"operationName":"Accept"}"#)
            let twice = try await harness.agent1.operate(invited, #"{"operationName":"Accept"}"#)
            let missing = try await harness.agent1.operate("0000000000000000", #"{"operationName":"Accept"}"#)
            #expect(early.status == 409)
            #expect(accept.status == 200)
            #expect(twice.status == 409)
            #expect(missing.status == 404)
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        var settings = ReferenceServerConfiguration.generated()
        settings.maxBodySize = 64
        let configuration = settings
        try await ReferenceServer.withRunning(configuration) { server in
            let harness = Harness(server: server)
            let body = #"{"operationName":"Accept","padding":"\#(String(repeating: "x", count: 100))"}"#
            let reply = try await harness.agent1.operate("any", body)
            #expect(reply.status == 413)
            #expect(reply.json?["status"] == "error")
        }
    }

    @Test func acceptUpdateConferenceTransferAndWorkbins() async throws {
        try await Harness.with { harness in
            let one = try await NotificationListener.open(harness.agent1)
            let two = try await NotificationListener.open(harness.agent2)
            let three = try await NotificationListener.open(harness.agent3)
            let id = try await harness.create()
            #expect(try await one.receive(state: "Invited").last?["id"] == .string(id))

            let accept = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            #expect(accept.status == 200)
            #expect(accept.json == Self.ok)
            #expect(try await one.receive(state: "Accepted").last?["id"] == .string(id))

            let update = try await harness.agent1.operate(
                id,
                #"{"operationName":"UpdateProperties","properties":{"f1":1,"f3":{"a":"b"}}}"#
            )
            #expect(update.json == Self.ok)
            let updated = try await one.receive(state: "PropertiesUpdated")
            #expect(updated.last?["properties"] == ["f1": 1, "f3": ["a": "b"]])

            let start = try await harness.agent1.operate(
                id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            #expect(start.json == Self.ok)
            #expect(try await two.receive(state: "InvitedConference").last?["id"] == .string(id))
            let joined = try await harness.agent2.operate(id, #"{"operationName":"Accept"}"#)
            #expect(joined.json == Self.ok)

            let end = try await harness.agent1.operate(id, #"{"operationName":"EndConference","agentId":"agent-2"}"#)
            #expect(end.json == Self.ok)
            #expect(try await one.receive(state: "LeftConference").last?["id"] == .string(id))

            let transfer = try await harness.agent1.operate(id, #"{"operationName":"Transfer","targetId":"agent-3"}"#)
            #expect(transfer.json == Self.ok)
            #expect(try await one.receive(state: "Transferred").last?["id"] == .string(id))
            #expect(try await three.receive(state: "Invited").last?["id"] == .string(id))
            let formerOwner = try await harness.agent1.get("/api/v2/me/interactions")
            #expect(formerOwner.json?["uris"] == [])
            let taken = try await harness.agent3.operate(id, #"{"operationName":"Accept"}"#)
            #expect(taken.json == Self.ok)

            let place = try await harness.agent3.operate(
                id, #"{"operationName":"PlaceInWorkbin","workbin":"workbin-a"}"#)
            #expect(place.json == Self.ok)
            #expect(try await three.receive(state: "PlacedInWorkbin").last?["id"] == .string(id))

            let content = try await harness.agent2.operate(
                id,
                #"{"operationName":"GetWorkbinContent","workbin":"workbin-a"}"#
            )
            #expect(content.json == Self.ok)
            let listing = try #require(try await two.connect().last)
            #expect(listing["messageTypeName"] == "WorkbinContent")
            #expect(listing["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        }
    }

    @Test func rejectQueueAndStop() async throws {
        try await Harness.with { harness in
            let one = try await NotificationListener.open(harness.agent1)
            let two = try await NotificationListener.open(harness.agent2)
            let id = try await harness.create()
            let reject = try await harness.agent1.operate(id, #"{"operationName":"Reject"}"#)
            #expect(reject.json == Self.ok)
            #expect(try await one.receive(state: "Rejected").last?["id"] == .string(id))
            #expect(try await two.receive(state: "Invited").last?["id"] == .string(id))
            _ = try await harness.agent2.operate(id, #"{"operationName":"Accept"}"#)
            let queue = try await harness.agent2.operate(id, #"{"operationName":"PlaceInQueue","queue":"queue-b"}"#)
            #expect(queue.json == Self.ok)
            #expect(try await two.receive(state: "Queued").last?["id"] == .string(id))

            let other = try await harness.accepted()
            let stop = try await harness.agent1.operate(other, #"{"operationName":"StopProcessing"}"#)
            #expect(stop.json == Self.ok)
            #expect(try await one.receive(state: "Completed").last?["id"] == .string(other))
            let list = try await harness.admin.get("/api/v2/interactions")
            #expect(list.json?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
        }
    }
}
