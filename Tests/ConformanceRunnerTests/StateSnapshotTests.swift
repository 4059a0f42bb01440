import ConformanceJSON
import Testing

@testable import ConformanceKit
@testable import ConformanceRunner

/// Two snapshots around a refusal: what changed, where, and what is not a change.
@Suite struct StateSnapshotTests {
    static func view(_ label: String, _ status: Int?, _ shown: JSONValue) -> StateSnapshot.View {
        StateSnapshot.View(label: label, status: status, shown: shown)
    }

    @Test func aChangedMemberAnAddedMemberAndAChangedStatusAreEachNamed() {
        let before = StateSnapshot(views: [
            Self.view("agent1: GET /interactions/ix", 200, ["id": "ix", "state": "Accepted"]),
            Self.view("agent2: GET /interactions/ix", 403, ["status": "error"]),
        ])
        let after = StateSnapshot(views: [
            Self.view("agent1: GET /interactions/ix", 200, ["id": "ix", "state": "Completed", "queue": "q"]),
            Self.view("agent2: GET /interactions/ix", 200, ["id": "ix"]),
        ])
        let changes = StateSnapshot.changes(from: before, to: after)
        #expect(
            changes == [
                .init(
                    label: "agent1: GET /interactions/ix", pointer: "/state", before: "\"Accepted\"",
                    after: "\"Completed\""),
                .init(label: "agent1: GET /interactions/ix", pointer: "/queue", before: "(absent)", after: "\"q\""),
                .init(label: "agent2: GET /interactions/ix", pointer: "", before: "HTTP 403", after: "HTTP 200"),
            ])
        #expect(StateSnapshot.changes(from: before, to: before).isEmpty)
    }

    @Test func aReadWithoutAnAnswerProvesNothingAndIsNotCompared() {
        let before = StateSnapshot(views: [Self.view("a", 200, ["x": 1])])
        let after = StateSnapshot(views: [Self.view("a", nil, .null)])
        #expect(StateSnapshot.changes(from: before, to: after).isEmpty)
    }

    @Test func listsKeepTheCasesInteractionsInAStableOrderAndVolatileMembersGo() {
        let body: JSONValue = [
            "statusCode": 0, "serverTime": "12:00:01",
            "interactions": [["id": "other"], ["id": "ix2", "serverTime": "x"], ["id": "ix1"]],
        ]
        let reduced = StateSnapshot.reduce(body, ids: ["ix1", "ix2"], volatile: ["serverTime"])
        #expect(reduced == ["statusCode": 0, "interactions": [["id": "ix1"], ["id": "ix2"]]])
        let later: JSONValue = [
            "statusCode": 0, "serverTime": "12:00:02", "interactions": [["id": "ix1"], ["id": "ix2"], ["id": "new"]],
        ]
        #expect(StateSnapshot.reduce(later, ids: ["ix1", "ix2"], volatile: ["serverTime"]) == reduced)
    }
}
