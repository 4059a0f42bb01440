import Testing

@testable import ReferenceServer

/// Authentication, permissions and the error body, on a live server.
@Suite struct AccessTests {
    @Test func missingOrWrongCredentialsAre401WithAChallenge() async throws {
        try await Harness.with { harness in
            let missing = try await harness.anonymous.get("/api/v2/interactions")
            var wrong = harness.agent1
            wrong.authorization = "Basic " + "agent1:not-the-password".utf8.base64
            let refused = try await wrong.get("/api/v2/me/interactions")
            let bayeux = try await harness.anonymous.post("/api/v2/notifications", #"[{"channel":"/meta/handshake"}]"#)
            for reply in [missing, refused, bayeux] {
                #expect(reply.status == 401)
                #expect(reply.headers[.wwwAuthenticate] == #"Basic realm="GWS""#)
                #expect(reply.json?["status"] == "error")
                #expect(reply.json?["errorDescription"]?.stringValue?.isEmpty == false)
            }
            #expect(!refused.text.contains("not-the-password"))
            #expect(!refused.text.contains("Basic"))
        }
    }

    @Test func adminMayListAllButNothingElse() async throws {
        try await Harness.with { harness in
            let id = try await harness.create()
            let list = try await harness.admin.get("/api/v2/interactions")
            let mine = try await harness.admin.get("/api/v2/me/interactions")
            let one = try await harness.admin.get("/api/v2/interactions/\(id)")
            let operate = try await harness.admin.operate(id, #"{"operationName":"Accept"}"#)
            #expect(list.status == 200)
            #expect(list.json?["statusCode"] == 0)
            #expect(list.json?["interactions"]?.arrayValue?.map { $0["id"] } == [.string(id)])
            #expect(list.json?["interactions"]?.arrayValue?.first?["state"] == "Invited")
            #expect(mine.status == 403)
            #expect(one.status == 403)
            #expect(operate.status == 403)
            #expect(operate.json?["status"] == "error")
        }
    }

    @Test func unknownPathsAre404WithTheErrorBody() async throws {
        try await Harness.with { harness in
            let api = try await harness.agent1.get("/api/v2/nothing")
            let root = try await harness.anonymous.get("/nothing")
            let action = try await harness.agent1.post("/api/v2/notifications/publish", "[]")
            for reply in [api, root, action] {
                #expect(reply.status == 404)
                #expect(reply.json?["status"] == "error")
                #expect(reply.headers[.contentType] == "application/json")
            }
        }
    }

    @Test func agentsSeeOnlyTheirInteractions() async throws {
        try await Harness.with { harness in
            let id = try await harness.accepted()
            let other = try await harness.agent2.get("/api/v2/interactions/\(id)")
            let missing = try await harness.agent1.get("/api/v2/interactions/nope")
            let stop = try await harness.agent2.operate(id, #"{"operationName":"StopProcessing"}"#)
            let put = try await harness.agent2.send(.put, "/api/v2/interactions/\(id)", body: "{}")
            #expect(other.status == 403)
            #expect(missing.status == 404)
            #expect(stop.status == 403)
            #expect(put.status == 403)
        }
    }
}
