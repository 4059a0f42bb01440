import ConformanceJSON
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// The judging that no catalog check may loosen: a server error is never a refusal, a refusal answered 200 is a
/// WARN wherever the catalog asks for one, and the first answer of a step counts whatever an alternative makes of it.
@Suite struct NothingSlipsThroughTests {
    static let judge = JudgeTests.judge
    static let request = JudgeTests.request
    static let errorBody = #"{"status":"error","errorDescription":"no"}"#

    @Test(arguments: [500, 502, 503])
    func aServerErrorWithTheErrorBodyFailsABareRefusal(status: Int) throws {
        let judgement = try Self.judge.judge(
            [JudgeTests.check(.refused(true), "NOT-OWNER-REFUSED")], answer: JudgeTests.answer(status, Self.errorBody),
            request: Self.request, variables: [:])
        let deviation = try #require(judgement.deviations.first)
        #expect(judgement.deviations.count == 1)
        #expect(deviation.requirement == "ERROR-NOT-5XX")
        #expect(deviation.message.contains("a server error is neither a refusal nor a success"))
        #expect(!Judge.isRefusal(JudgeTests.answer(status, Self.errorBody)))
    }

    @Test func aRefusalAnswered200WarnsUnderABareRefusedCheck() throws {
        let judgement = try Self.judge.judge(
            [JudgeTests.check(.refused(true), "NOT-OWNER-REFUSED")], answer: JudgeTests.answer(200, Self.errorBody),
            request: Self.request, variables: [:])
        #expect(judgement.deviations.isEmpty)
        #expect(!judgement.deviates)
        #expect(judgement.warnings.map(\.requirement) == ["ERROR-HTTP-4XX"])
        #expect(judgement.warnings.first?.level == .should)
        #expect(judgement.observations == [Observation(reading: "refusal-status", alternative: "200")])
        // A 4xx refusal is no deviation at all.
        let fine = try Self.judge.judge(
            [JudgeTests.check(.refused(true), "NOT-OWNER-REFUSED")], answer: JudgeTests.answer(403, Self.errorBody),
            request: Self.request, variables: [:])
        #expect(fine.deviations.isEmpty && fine.warnings.isEmpty)
    }

    @Test func theStatusOfARefusalIsJudgedOnceWhereThePresetJudgesIt() throws {
        let checks = [
            JudgeTests.check(.status(.family(4)), "ERROR-HTTP-4XX"),
            JudgeTests.check(.refused(true), "NOT-OWNER-REFUSED"),
        ]
        let judgement = try Self.judge.judge(
            checks, answer: JudgeTests.answer(200, Self.errorBody), request: Self.request, variables: [:])
        #expect(judgement.deviations.map(\.requirement) == ["ERROR-HTTP-4XX"])
        #expect(judgement.warnings.isEmpty)
    }

    @Test func theFirstAnswerOfAStepKeepsItsServerErrorAndItsMalformedBody() {
        let checks = [JudgeTests.check(.body(pattern: ["status": "ok"], source: nil))]
        let failures = Self.judge.firstAnswerFailures(
            checks, answer: JudgeTests.answer(500, "<html>oops</html>"), request: Self.request, resends: true)
        #expect(failures.map(\.requirement) == ["ERROR-NOT-5XX", "ACCEPT-SUCCESS-BODY"])
        // Judged again without a new request, a body that is not JSON is for the step's checks to judge.
        let sameAnswer = Self.judge.firstAnswerFailures(
            checks, answer: JudgeTests.answer(500, "<html>oops</html>"), request: Self.request, resends: false)
        #expect(sameAnswer.map(\.requirement) == ["ERROR-NOT-5XX"])
        #expect(
            Self.judge.firstAnswerFailures(
                checks, answer: JudgeTests.answer(400, Self.errorBody), request: Self.request, resends: true
            ).isEmpty)
    }

    @Test func aStepThatMayBeRefusedIsKnownFromItsChecksAndAlternatives() {
        func step(_ checks: [Check], alternatives: [StepAlternative] = []) -> RequestStep {
            RequestStep(
                request: RequestTemplate(credentials: .role("agent1"), method: "POST", path: "/x"), checks: checks,
                captures: [], alternatives: alternatives)
        }
        #expect(step([JudgeTests.check(.refused(true))]).mayBeRefused)
        #expect(step([JudgeTests.check(.status(.exactly([401])))]).mayBeRefused)
        #expect(!step([JudgeTests.check(.status(.exactly([200])))]).mayBeRefused)
        #expect(!step([JudgeTests.check(.refused(false))]).mayBeRefused)
        #expect(
            step(
                [JudgeTests.check(.status(.exactly([200])))],
                alternatives: [StepAlternative(checks: [JudgeTests.check(.refused(true))])]
            ).mayBeRefused)
    }

    @Test func aMentionIsAWholeTokenInAnyStringOrMemberName() {
        let id = "0000018RzCv1"
        let nested: JSONValue = ["activity": ["interaction": ["id": .string(id)]]]
        let uri: JSONValue = ["links": ["self": .string("http://h/api/v2/interactions/\(id)")]]
        let key: JSONValue = ["byId": .object(JSONObject([.init(key: id, value: true)]))]
        for value in [nested, uri, key] { #expect(JSONMatcher.mentions(id, in: value)) }
        #expect(!JSONMatcher.mentions("12", in: ["id": "123"]))
        #expect(!JSONMatcher.mentions("12", in: ["id": "A12"]))
        #expect(JSONMatcher.mentions("12", in: ["uri": "/interactions/12?x=1"]))
        #expect(JSONMatcher.mentions("12", in: ["id": 12]))
        #expect(!JSONMatcher.mentions("12", in: ["count": 120]))
        let pattern = try? JSONPattern(reading: ["$mentions": .string(id)])
        #expect(pattern.map { JSONMatcher.match($0, nested).isMatch } == true)
    }
}
