import Testing

@testable import ReferenceServer

/// The shapes of the GET and PUT answers and the fixture contract, on a live server.
@Suite struct RESTTests {
    @Test func fixturesCreateAndReset() async throws {
        try await Harness.with { harness in
            let id = try await harness.create(for: "agent-2", properties: #"{"subject":"hi"}"#)
            #expect(id.count == 16)
            let unknownAgent = try await harness.anonymous.post(
                "/fixtures/interactions",
                #"{"mediaType":"email","agentId":"agent-9"}"#
            )
            let unknownMedia = try await harness.anonymous.post(
                "/fixtures/interactions",
                #"{"mediaType":"fax","agentId":"agent-1"}"#
            )
            #expect(unknownAgent.status == 400)
            #expect(unknownMedia.status == 400)
            let before = try await harness.admin.get("/api/v2/interactions")
            #expect(before.json?["interactions"]?.arrayValue?.first?["properties"] == ["subject": "hi"])
            let reset = try await harness.anonymous.post("/fixtures/reset", "")
            #expect(reset.status == 204)
            let after = try await harness.admin.get("/api/v2/interactions")
            #expect(after.json?["interactions"] == [])
        }
    }

    @Test func meInteractionsListsAbsoluteURIsOrMessages() async throws {
        try await Harness.with { harness in
            let id = try await harness.accepted()
            _ = try await harness.create()  // invited only: not listed
            let uris = try await harness.agent1.get("/api/v2/me/interactions")
            #expect(uris.status == 200)
            #expect(uris.json?["statusCode"] == 0)
            #expect(uris.json?["uris"] == [.string("\(harness.server.baseURL)/interactions/\(id)")])
            #expect(harness.server.baseURL == "http://127.0.0.1:\(harness.server.port)/api/v2")
            let full = try await harness.agent1.get("/api/v2/me/interactions?fields=*")
            let message = try #require(full.json?["interactions"]?.arrayValue?.first)
            #expect(full.json?["statusCode"] == 0)
            #expect(full.json?["interactions"]?.arrayValue?.count == 1)
            #expect(message["messageTypeName"] == "InteractionStateMessage")
            #expect(message["id"] == .string(id))
            #expect(message["state"] == "Accepted")
            #expect(message["mediaType"] == "email")
            let others = try await harness.agent2.get("/api/v2/me/interactions")
            #expect(others.json?["uris"] == [])
        }
    }

    @Test func interactionDetailsNameTheParticipants() async throws {
        try await Harness.with { harness in
            let id = try await harness.accepted()
            let reply = try await harness.agent1.get("/api/v2/interactions/\(id)")
            #expect(reply.status == 200)
            #expect(reply.json?["statusCode"] == 0)
            #expect(reply.json?["interaction"]?["id"] == .string(id))
            #expect(reply.json?["interaction"]?["participants"] == ["agent-1"])
        }
    }

    @Test func putMergesPropertiesAndRefusesNonObjects() async throws {
        try await Harness.with { harness in
            let id = try await harness.accepted()
            let path = "/api/v2/interactions/\(id)"
            let merged = try await harness.agent1.send(.put, path, body: #"{"properties":{"a":{"b":1}}}"#)
            let array = try await harness.agent1.send(.put, path, body: "[1]")
            let broken = try await harness.agent1.send(.put, path, body: "{")
            let details = try await harness.agent1.get(path)
            #expect(merged.status == 200)
            #expect(merged.json == ["status": "ok"])
            #expect(array.status == 400)
            #expect(broken.status == 400)
            #expect(details.json?["interaction"]?["properties"] == ["a": ["b": 1]])
        }
    }
}
