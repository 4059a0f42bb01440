import ConformanceJSON
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

@Suite struct TemplateAndSelectionTests {
    @Test func substitutesWholeValuesAndInterpolatesInText() throws {
        let variables: [String: JSONValue] = ["ix.id": "abc123", "n": 5]
        #expect(try Template.substitute("/me/interactions/${ix.id}", variables) == "/me/interactions/abc123")
        #expect(
            try Template.substitute(["id": "${ix.id}", "count": "${n}"] as JSONValue, variables) == [
                "id": "abc123", "count": 5,
            ])
        #expect(throws: Template.UnboundVariable.self) { try Template.substitute("${missing}", variables) }
    }

    @Test(arguments: [
        ("accept-*", "accept-invited", true),
        ("accept-*", "reject-invited", false),
        ("*-invited", "accept-invited", true),
        ("a?cept-invited", "accept-invited", true),
        ("accept-invited", "accept-invited-later", false),
    ])
    func globs(pattern: String, id: String, matches: Bool) {
        #expect(Glob.matches(pattern, id) == matches)
    }

    @Test func verdictFollowsTheWorstLevel() {
        func deviation(_ level: RequirementLevel) -> Deviation {
            Deviation(requirement: "R", level: level, pointer: "", expected: "", actual: "", message: "")
        }
        #expect(CaseResult.verdict(deviations: [], notes: [], error: nil) == .pass)
        #expect(CaseResult.verdict(deviations: [], notes: ["n"], error: nil) == .note)
        #expect(CaseResult.verdict(deviations: [deviation(.should)], notes: [], error: nil) == .warn)
        #expect(CaseResult.verdict(deviations: [deviation(.should), deviation(.must)], notes: [], error: nil) == .fail)
        #expect(CaseResult.verdict(deviations: [deviation(.must)], notes: [], error: "x") == .error)
    }

    @Test func curlLinesNeverPrintPasswords() {
        let account = TargetProfile.Account(id: "agent-1", username: "agent1", password: "hunter2")
        let line = CurlCommand.line(
            method: "POST", url: "http://h/api/v2/x", account: account, wrongPassword: false, body: #"{"a":"it's"}"#)
        #expect(!line.contains("hunter2"))
        #expect(line.contains(#"--data '{"a":"it'\''s"}'"#))
        let fromEnvironment = TargetProfile.Account(
            id: "a", username: "agent1", password: "hunter2", passwordVariable: "PW")
        #expect(
            CurlCommand.line(method: "GET", url: "u", account: fromEnvironment, wrongPassword: false, body: nil)
                .contains(#"-u "agent1:$PW""#))
    }
}
