import Foundation
import Testing

@testable import ReferenceServer

/// The dialects as pure functions: the variant changes what the document leaves open, the reference changes nothing.
@Suite struct DialectTests {
    static let url = "http://127.0.0.1:1/api/v2/interactions"
    static let message: JSONValue = .object(
        JSONObject([
            ("messageTypeName", "InteractionStateMessage"), ("id", "IX1"), ("state", "Accepted"),
            ("properties", ["b": 1, "a": 2]),
        ])
    )

    static func isVariantId(_ id: String) -> Bool {
        id.count == 24 && id.hasPrefix("IX") && id.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    @Test func variantIdsAreAnotherAlphanumericFormat() throws {
        var variant = Desk(variant: true)
        var reference = Desk()
        let ids = try (0..<40).map { _ in try variant.create() }
        let referenceId = try reference.create()
        #expect(ids.allSatisfy(Self.isVariantId))
        #expect(Set(ids).count == ids.count)
        #expect(referenceId.count == 16)
        #expect(!Self.isVariantId(referenceId))
    }

    @Test func referenceChangesNothing() {
        let dialect = Dialect.reference
        let notifications = [AgentNotification(agentId: "agent-1", data: Self.message)]
        #expect(dialect.answer(Self.message, interactionsURL: Self.url) == Self.message)
        #expect(dialect.answer(Self.message).jsonText == Self.message.jsonText)
        #expect(dialect.wire([Self.message]).map(\.jsonText) == [Self.message.jsonText])
        #expect(dialect.statusBody(["status": "ok"]) == ["status": "ok"])
        #expect(dialect.operationSuccess(status: "ok") == ["status": "ok"])
        #expect(dialect.arrange(notifications, interactionsURL: Self.url) { _ in 1 } == notifications)
        #expect(dialect.notificationDelay() == nil)
    }

    @Test func variantAnswersReverseMembersAndAddSome() throws {
        let body: JSONValue = .object(JSONObject([("statusCode", 0), ("interactions", [Self.message])]))
        let answer = Dialect.variant.answer(body, interactionsURL: Self.url)
        let object = try #require(answer.objectValue)
        let item = try #require(answer["interactions"]?.arrayValue?.first?.objectValue)
        #expect(object.keys == ["serverTime", "interactions", "statusCode"])
        #expect(ISO8601DateFormatter().date(from: answer["serverTime"]?.stringValue ?? "") != nil)
        #expect(item.keys == ["links", "properties", "state", "id", "messageTypeName"])
        #expect(item["links"] == ["self": .string(Self.url + "/IX1")])
        // The client's properties keep their values; only the order of members changes.
        #expect(item["properties"] == ["b": 1, "a": 2])
        #expect(item["properties"]?.objectValue?.keys == ["a", "b"])
    }

    @Test func variantStatusBodiesCarryARequestIdAndOperationsAnswerEmpty() throws {
        let first = Dialect.variant.statusBody(["status": "error", "errorDescription": "x"])
        let second = Dialect.variant.statusBody(["status": "ok"])
        #expect(first["status"] == "error")
        #expect(first["errorDescription"] == "x")
        let requestId = try #require(first["requestId"]?.stringValue)
        #expect(!requestId.isEmpty)
        #expect(second["requestId"] != first["requestId"])
        #expect(Dialect.variant.operationSuccess(status: "ok") == nil)
    }

    @Test func variantWireReversesEveryObjectOnce() {
        let message: JSONValue = .object(JSONObject([("channel", "/v2/me/interactions"), ("data", Self.message)]))
        let written = Dialect.variant.wire([message])
        #expect(written.first?.objectValue?.keys == ["data", "channel"])
        #expect(written.first?["data"]?.objectValue?.keys == ["properties", "state", "id", "messageTypeName"])
        #expect(written == [message])
    }

    @Test func variantArrangesAcrossAgentsInReverseAndAddsAgentState() {
        let notifications = [
            AgentNotification(agentId: "agent-1", data: Self.message),
            AgentNotification(agentId: "agent-2", data: ["n": 2]),
            AgentNotification(agentId: "agent-1", data: ["n": 3]),
        ]
        let arranged = Dialect.variant.arrange(notifications, interactionsURL: Self.url) { $0 == "agent-1" ? 1 : 0 }
        let own = arranged.filter { $0.channel == nil }
        let states = arranged.filter { $0.channel == Dialect.agentChannel }
        #expect(arranged.map(\.agentId) == ["agent-2", "agent-2", "agent-1", "agent-1", "agent-1"])
        #expect(own.map { $0.data["n"] ?? $0.data["state"] } == [2, "Accepted", 3])
        #expect(own.allSatisfy { $0.data["serverTime"]?.stringValue != nil })
        #expect(own[1].data["links"] == ["self": .string(Self.url + "/IX1")])
        #expect(states.map { $0.data["messageTypeName"] } == ["AgentStateMessage", "AgentStateMessage"])
        #expect(states.map { $0.data["state"] } == ["Ready", "Busy"])
        #expect(states.map { $0.data["agentId"] } == ["agent-2", "agent-1"])
    }

    @Test func variantDelaysNotificationsBetween20And80Milliseconds() throws {
        for _ in 0..<20 {
            let delay = try #require(Dialect.variant.notificationDelay())
            #expect(delay >= .milliseconds(20) && delay <= .milliseconds(80))
        }
    }
}
