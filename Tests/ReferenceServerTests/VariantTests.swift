import Foundation
import Testing

@testable import ReferenceServer

/// The conformant-but-different variant on a live server, next to the reference where the difference shows.
@Suite struct VariantTests {
    /// Connects until a message with `state` arrives on `/v2/me/interactions`; every message seen and the texts.
    /// Each connect returns as soon as the server has a message, so the 30 s limit only bounds a failure.
    static func messages(
        _ listener: NotificationListener,
        until state: String
    ) async throws -> (messages: [JSONValue], texts: [String]) {
        let deadline = ContinuousClock.now + .seconds(30)
        var messages: [JSONValue] = []
        var texts: [String] = []
        while ContinuousClock.now < deadline {
            let reply = try await listener.connectReply()
            messages += reply.messages
            texts.append(reply.text)
            if messages.contains(where: { $0["data"]?["state"]?.stringValue == state }) {
                return (messages, texts)
            }
        }
        Issue.record("No \(state) message within 30 s; got \(texts)")
        return (messages, texts)
    }

    @Test func fixturesHandOutVariantIds() async throws {
        try await Harness.with(variant: true) { harness in
            let id = try await harness.create()
            #expect(DialectTests.isVariantId(id))
            let accept = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            #expect(accept.status == 200)
        }
    }

    @Test(arguments: [false, true])
    func restAnswersReverseMemberOrderInTheVariant(variant: Bool) async throws {
        try await Harness.with(variant: variant) { harness in
            let id = try await harness.accepted()
            let uris = try await harness.agent1.get("/api/v2/me/interactions")
            let uri = "\(harness.server.baseURL)/interactions/\(id)"
            if variant {
                #expect(uris.text.hasPrefix(#"{"serverTime":""#))
                #expect(uris.text.hasSuffix(#""uris":["\#(uri)"],"statusCode":0}"#))
            } else {
                #expect(uris.text == #"{"statusCode":0,"uris":["\#(uri)"]}"#)
            }
        }
    }

    @Test func answersCarryExtraMembers() async throws {
        try await Harness.with(variant: true) { harness in
            let id = try await harness.accepted()
            let link: JSONValue = ["self": .string("\(harness.server.baseURL)/interactions/\(id)")]
            let full = try await harness.agent1.get("/api/v2/me/interactions?fields=*")
            let details = try await harness.agent1.get("/api/v2/interactions/\(id)")
            let put = try await harness.agent1.send(.put, "/api/v2/interactions/\(id)", body: #"{"properties":{}}"#)
            let error = try await harness.agent1.operate("NoSuchOne", #"{"operationName":"Accept"}"#)
            let serverTime = full.json?["serverTime"]?.stringValue ?? ""
            #expect(ISO8601DateFormatter().date(from: serverTime) != nil)
            #expect(full.json?["statusCode"] == 0)
            #expect(full.json?["interactions"]?.arrayValue?.first?["links"] == link)
            #expect(details.json?["interaction"]?["links"] == link)
            #expect(details.json?["interaction"]?["participants"] == ["agent-1"])
            #expect(put.status == 200)
            #expect(put.json?["status"] == "ok")
            #expect(put.json?["requestId"]?.stringValue?.isEmpty == false)
            #expect(error.status == 404)
            #expect(error.json?["status"] == "error")
            #expect(error.json?["errorDescription"]?.stringValue?.isEmpty == false)
            #expect(error.json?["requestId"]?.stringValue?.isEmpty == false)
        }
    }

    @Test(arguments: [false, true])
    func operationsAnswerAnEmpty200InTheVariant(variant: Bool) async throws {
        try await Harness.with(variant: variant) { harness in
            let id = try await harness.create()
            let accept = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            let unknown = try await harness.agent1.operate(id, #"{"operationName":"Dance"}"#)
            #expect(accept.status == 200)
            #expect(accept.text == (variant ? "" : #"{"status":"ok"}"#))
            #expect(unknown.status == 400)
            #expect(unknown.json?["status"] == "error")
        }
    }

    @Test func notificationsReverseMembersAndComeWithAgentStateOnAnotherChannel() async throws {
        try await Harness.with(variant: true) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            let id = try await harness.create()
            let (messages, texts) = try await Self.messages(listener, until: "Invited")
            let invited = try #require(messages.first { $0["channel"] == "/v2/me/interactions" })
            let state = try #require(messages.first { $0["channel"] == "/v2/me/agent" })
            #expect(invited["data"]?["id"] == .string(id))
            #expect(invited["data"]?["links"]?["self"] == .string("\(harness.server.baseURL)/interactions/\(id)"))
            #expect(state["data"]?["messageTypeName"] == "AgentStateMessage")
            #expect(state["data"]?["agentId"] == "agent-1")
            #expect(state["data"]?["state"] == "Ready")
            #expect(state["id"]?.stringValue != nil)
            let text = try #require(texts.first { $0.contains(#""state":"Invited""#) })
            #expect(text.hasPrefix(#"[{"advice":"#))
            let stateMember = try #require(text.range(of: #""state":"Invited""#))
            let typeMember = try #require(text.range(of: #""messageTypeName":"InteractionStateMessage""#))
            #expect(stateMember.lowerBound < typeMember.lowerBound)
            #expect(text.hasSuffix(#""channel":"/v2/me/agent"}]"#))
        }
    }

    @Test func notificationsToSeveralAgentsGoOutInReverse() async throws {
        try await Harness.with(variant: true) { harness in
            let one = try await NotificationListener.open(harness.agent1)
            let two = try await NotificationListener.open(harness.agent2)
            let id = try await harness.accepted()
            _ = try await harness.agent1.operate(id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            _ = try await harness.agent2.operate(id, #"{"operationName":"Accept"}"#)
            let stop = try await harness.agent1.operate(id, #"{"operationName":"StopProcessing"}"#)
            #expect(stop.status == 200)
            let first = try await Self.messages(one, until: "Completed").messages
            let second = try await Self.messages(two, until: "Completed").messages
            let toOne = try #require(first.first { $0["data"]?["state"] == "Completed" }?["id"]?.stringValue)
            let toTwo = try #require(second.first { $0["data"]?["state"] == "Completed" }?["id"]?.stringValue)
            // Bayeux message ids count up as messages are queued: agent-2's was queued first.
            #expect(try #require(Int(toTwo)) < (try #require(Int(toOne))))
        }
    }

    @Test func notificationsArriveAfterTheAnswerAndInOrder() async throws {
        try await Harness.with(variant: true, longPollTimeout: .seconds(10)) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            try await withThrowingTaskGroup(of: [JSONValue].self) { group in
                group.addTask { try await listener.connect() }
                #expect(await harness.server.core.waitUntilHolding(listener.clientId, timeout: .seconds(30)))
                // The scheduled delivery waits at least 20 ms after the change, which comes after this instant.
                let sent = ContinuousClock.now
                _ = try await harness.create()
                let delivered = try #require(try await group.next())
                #expect(ContinuousClock.now - sent >= .milliseconds(20))
                #expect(delivered.first?["state"] == "Invited")
            }
            let id = try await harness.create()
            for body in [#"{"operationName":"Accept"}"#, #"{"operationName":"UpdateProperties","properties":{"a":1}}"#]
            {
                #expect(try await harness.agent1.operate(id, body).status == 200)
            }
            let messages = try await Self.messages(listener, until: "PropertiesUpdated").messages
            let states = messages.filter { $0["data"]?["id"] == .string(id) }.map { $0["data"]?["state"] }
            #expect(states == ["Invited", "Accepted", "PropertiesUpdated"])
        }
    }

    @Test func aResetDropsScheduledNotifications() async throws {
        try await Harness.with(variant: true) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            _ = try await harness.create()
            _ = try await harness.anonymous.post("/fixtures/reset", "")
            let kept = try await harness.create()
            // Scheduled changes are published one at a time in the order they happened, so the dropped one would
            // come before the kept one, however long the reset took.
            let before = try await listener.messages(beforeInteraction: kept)
            #expect(before.isEmpty)
        }
    }
}
