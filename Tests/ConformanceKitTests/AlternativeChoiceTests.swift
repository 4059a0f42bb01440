import ConformanceJSON
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// The choice among a step's alternatives is the pure judge's: these tests feed it answers by hand and check what it
/// asks the driver to send and what it chooses.
@Suite struct AlternativeChoiceTests {
    static let judge = JudgeTests.judge

    /// `perform: {as: agent2, operation: EndConference, body: {agentId: a2}}`, expecting a 200.
    static func step(_ alternatives: [StepAlternative]) -> RequestStep {
        RequestStep(
            request: RequestTemplate(
                credentials: .role("agent2"), method: "POST", path: "/me/interactions/${ix.id}",
                body: ["operationName": "EndConference", "agentId": "a2"]),
            checks: [JudgeTests.check(.status(.exactly([200])))], captures: [], alternatives: alternatives)
    }

    static let sent = SentRequest(
        method: "POST", path: "/me/interactions/ix", url: "http://t/api/v2/me/interactions/ix",
        body: #"{"operationName":"EndConference","agentId":"a2"}"#, curl: "curl first")

    static let leaveConference = StepAlternative(
        body: ["operationName": "LeaveConference"],
        deviation: AlternativeDeviation(requirement: "ACCEPT-SUCCESS-BODY", message: "only under the sample's name"))

    @Test func anAlternativeThatSendsAsksForTheStepsRequestWithItsMembersChangedAndReportsItsDeviation() throws {
        var choice = AlternativeChoice(
            judge: Self.judge, step: Self.step([Self.leaveConference]), variables: [:], request: Self.sent,
            answer: JudgeTests.answer(400))
        guard case .send(let template, let body) = try choice.next() else {
            Issue.record("the alternative sends nothing")
            return
        }
        #expect(template.path == "/me/interactions/${ix.id}")
        #expect(body == #"{"operationName":"LeaveConference","agentId":"a2"}"#)
        var resent = Self.sent
        resent.body = body
        resent.curl = "curl again"
        guard case .chosen(let judgement) = try choice.received((resent, JudgeTests.answer(200))) else {
            Issue.record("the alternative that held was not chosen")
            return
        }
        let deviation = try #require(judgement.deviations.first)
        #expect(judgement.deviations.count == 1)
        #expect(deviation.pointer == "/operationName")
        #expect(deviation.expected == Self.sent.body)
        #expect(deviation.actual == body)
        #expect(deviation.message == "only under the sample's name")
        #expect(deviation.curl == "curl again")
    }

    @Test func anAlternativeWithoutAnAnswerOrThatDoesNotHoldLeavesTheNextOne() throws {
        let observed = Observation(reading: "success-body", alternative: "empty")
        let sameAnswer = StepAlternative(
            observes: observed, note: "judged again", checks: [JudgeTests.check(.status(.exactly([400])))])
        var choice = AlternativeChoice(
            judge: Self.judge, step: Self.step([Self.leaveConference, Self.leaveConference, sameAnswer]),
            variables: [:], request: Self.sent, answer: JudgeTests.answer(400))
        guard case .send = try choice.next() else {
            Issue.record("the first alternative sends nothing")
            return
        }
        // No answer: that alternative does not hold, and the next one asks for its own request.
        guard case .send = try choice.received(nil) else {
            Issue.record("the second alternative was skipped")
            return
        }
        // A refusal again: the third judges the step's own answer, and holds.
        guard case .chosen(let judgement) = try choice.received((Self.sent, JudgeTests.answer(404))) else {
            Issue.record("the third alternative was not chosen")
            return
        }
        #expect(judgement.deviations.isEmpty)
        #expect(judgement.observations == [observed])
        #expect(judgement.notes == ["judged again"])
    }

    @Test func noAlternativeHoldingLeavesTheStepsOwnJudgement() throws {
        let never = StepAlternative(checks: [JudgeTests.check(.status(.exactly([201])))])
        var choice = AlternativeChoice(
            judge: Self.judge, step: Self.step([never]), variables: [:], request: Self.sent,
            answer: JudgeTests.answer(400))
        guard case .none = try choice.next() else {
            Issue.record("an alternative that fails was chosen")
            return
        }
    }
}
