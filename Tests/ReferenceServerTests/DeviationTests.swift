import Testing

@testable import ReferenceServer

/// Each switch breaks what it says, on a live server.
@Suite struct DeviationTests {
    @Test func switchesAreNamedAndDescribed() {
        let names = Deviation.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(Deviation(rawValue: "ok-uppercase") == .okUppercase)
        for deviation in Deviation.allCases {
            #expect(!deviation.summary.isEmpty)
            #expect(!deviation.breaks.isEmpty)
        }
    }

    @Test func okUppercase() async throws {
        try await Harness.with([.okUppercase]) { harness in
            let id = try await harness.create()
            let reply = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            #expect(reply.json == ["status": "OK"])
        }
    }

    @Test func missingStatusCodeAndRelativeURIs() async throws {
        try await Harness.with([.missingStatusCode, .relativeURIs]) { harness in
            let id = try await harness.accepted()
            let reply = try await harness.agent1.get("/api/v2/me/interactions")
            #expect(reply.json?["statusCode"] == nil)
            #expect(reply.json?["uris"] == [.string("/api/v2/interactions/\(id)")])
        }
    }

    @Test func leaveConferenceOnly() async throws {
        try await Harness.with([.leaveConferenceOnly]) { harness in
            let id = try await harness.accepted()
            _ = try await harness.agent1.operate(id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            let end = try await harness.agent1.operate(id, #"{"operationName":"EndConference","agentId":"agent-2"}"#)
            let leave = try await harness.agent1.operate(
                id, #"{"operationName":"LeaveConference","agentId":"agent-2"}"#)
            #expect(end.status == 400)
            #expect(leave.status == 200)
        }
    }

    @Test func errorStatus200AndMissingDescription() async throws {
        try await Harness.with([.errorStatus200, .missingErrorDescription]) { harness in
            let reply = try await harness.agent1.operate("nope", #"{"operationName":"Accept"}"#)
            #expect(reply.status == 200)
            #expect(reply.json == ["status": "error"])
        }
    }

    @Test func noInvitedNotification() async throws {
        try await Harness.with([.noInvitedNotification], longPollTimeout: .milliseconds(300)) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            _ = try await harness.create()
            #expect(try await listener.connect().isEmpty)
        }
    }
}
