import Bayeux
import ConformanceJSON
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// The judge decides on answers and notifications without a socket: these tests hand it answers directly.
@Suite struct JudgeTests {
    static let judge = Judge(
        catalog: Catalog(
            requirements: [
                Requirement(
                    id: "ACCEPT-SUCCESS-BODY", level: .must, section: "Accept — Output", quote: "{\"status\":\"ok\"}",
                    erratum: "The sample writes OK."),
                Requirement(id: "ERROR-HTTP-4XX", level: .should, section: "Errors", quote: "4xx"),
            ],
            cases: [], goldens: [:]),
        profile: TargetProfile(
            name: "t", baseURL: "http://127.0.0.1:1/api/v2",
            agents: (1...3).map { .init(id: "a\($0)", username: "agent\($0)", password: "secret\($0)") },
            admin: nil, queues: [], workbins: [], mediaTypes: ["email"], fixtures: .manual))

    static let request = SentRequest(
        method: "POST", path: "/me/interactions/ix", url: "http://t/api/v2/me/interactions/ix",
        body: #"{"operationName":"Accept"}"#, curl: "curl -X POST …")

    static func answer(_ status: Int, _ body: String = "") -> HTTPAnswer {
        HTTPAnswer(status: status, body: Array(body.utf8))
    }

    static func check(
        _ kind: CheckKind, _ requirement: String = "ACCEPT-SUCCESS-BODY", alternatives: [CheckAlternative] = []
    )
        -> Check
    {
        Check(kind: kind, requirement: requirement, alternatives: alternatives, observes: nil, line: nil)
    }

    @Test func aBodyThatDiffersDeviatesAtItsPointerWithTheCatalogsLevelAndErratum() throws {
        let judgement = try Self.judge.judge(
            [Self.check(.body(pattern: ["status": "ok"], source: nil))], answer: Self.answer(200, #"{"status":"OK"}"#),
            request: Self.request, variables: [:])
        let deviation = try #require(judgement.deviations.first)
        #expect(judgement.deviations.count == 1)
        #expect(deviation.requirement == "ACCEPT-SUCCESS-BODY")
        #expect(deviation.level == .must)
        #expect(deviation.pointer == "/status")
        #expect(deviation.erratum == "The sample writes OK.")
        #expect(deviation.message.hasPrefix("POST /me/interactions/ix: "))
        #expect(deviation.curl == "curl -X POST …")
        #expect(judgement.deviates)
    }

    @Test func aReadingTheDocumentAllowsGivesANoteInsteadOfADeviation() throws {
        let reading = CheckAlternative(
            kind: .body(pattern: ["status": "OK"], source: nil), match: nil, agents: nil,
            requirement: "ACCEPT-SUCCESS-BODY", note: "The target answers the sample's OK.",
            observes: Observation(reading: "success-body", alternative: "OK"))
        let judgement = try Self.judge.judge(
            [Self.check(.body(pattern: ["status": "ok"], source: nil), alternatives: [reading])],
            answer: Self.answer(200, #"{"status":"OK"}"#), request: Self.request, variables: [:])
        #expect(judgement.deviations.isEmpty)
        #expect(
            judgement.notes == [
                #"The target answers the sample's OK. [ACCEPT-SUCCESS-BODY, Accept — Output: "{"status":"ok"}"]"#
            ])
        #expect(judgement.observations == [Observation(reading: "success-body", alternative: "OK")])
    }

    @Test func statusAndRefusalChecksSayWhatCameAndWhy() throws {
        let refusedWith200 = Self.answer(200, #"{"status":"error","errorDescription":"not yours"}"#)
        #expect(Judge.isRefusal(refusedWith200))
        #expect(Judge.isRefusal(Self.answer(404)))
        #expect(!Judge.isRefusal(Self.answer(500, "oops")))
        #expect(!Judge.isRefusal(Self.answer(200, #"{"statusCode":0}"#)))
        let judgement = try Self.judge.judge(
            [Self.check(.status(.family(4)), "ERROR-HTTP-4XX"), Self.check(.refused(true), "ERROR-HTTP-4XX")],
            answer: refusedWith200, request: Self.request, variables: [:])
        #expect(judgement.deviations.map(\.level) == [.should])
        #expect(judgement.deviations.first?.actual == "HTTP 200")
        #expect(judgement.deviations.first?.message.hasSuffix("(the target's errorDescription: \"not yours\")") == true)
        #expect(!judgement.deviates || judgement.deviations.allSatisfy { $0.level == .should })
    }

    @Test func anAnswerThatRepeatsCredentialsIsCaughtWithoutShowingThem() throws {
        let echoed = Self.answer(401, #"{"errorDescription":"bad password not-the-password"}"#)
        let judgement = try Self.judge.judge(
            [Self.check(.excludesSecretsOf("agent1"))], answer: echoed, request: Self.request, variables: [:])
        #expect(
            judgement.deviations.map(\.actual) == [
                "the answer contains the wrong password the suite sent (not shown here)"
            ])
        #expect(!judgement.deviations.contains { $0.actual.contains("not-the-password") })
    }

    @Test func capturesAndTemplatesFlowThroughTheJudgement() throws {
        let judgement = try Self.judge.judge(
            [Self.check(.body(pattern: ["id": "${ix.id}", "state": "$capture:state"], source: nil))],
            answer: Self.answer(200, #"{"id":"ix-1","state":"Accepted"}"#), request: Self.request,
            variables: ["ix.id": "ix-1"])
        #expect(judgement.deviations.isEmpty)
        #expect(judgement.captures["state"] == "Accepted")
    }

    @Test func anAbsenceIsBrokenOnlyByAMatchingMessageAfterItsStartThatIsNoMarker() throws {
        func message(_ index: Int, _ data: JSONValue) -> (role: String, notification: ReceivedNotification) {
            (
                "agent2",
                ReceivedNotification(
                    index: index, channel: "/v2/me/interactions", data: data, message: JSONObject(),
                    receivedAt: .now)
            )
        }
        let received = [
            message(0, ["id": "ix", "state": "Invited"]),
            message(1, ["id": "marker-1", "state": "Invited"]),
            message(2, ["id": "ix", "state": "Invited"]),
            message(3, ["id": "other", "state": "Accepted"]),
        ]
        let pattern = JSONPattern.anywhere(.literal(.string("Invited")))
        let broken = Judge.breaking(pattern, since: ["agent2": 1], markers: ["marker-1"], in: received)
        #expect(broken.map(\.notification.index) == [2])
        let deviation = Self.judge.forbidden(
            NotificationExpectation(
                agents: ["agent2"], match: ["state": "Invited"], requirement: "ERROR-HTTP-4XX",
                alternatives: []),
            pattern: pattern, role: "agent2", notification: broken[0].notification, curl: nil)
        #expect(deviation.level == .should)
        #expect(deviation.message.hasPrefix("agent2 received a notification it must not: "))
    }
}
