import ConformanceReport
import Foundation
import Testing

extension CommandLineSuite {
    /// `explain` says what `run` judges: both take a reading's verdict from the same rule (issue 27).
    @Suite(.timeLimit(.minutes(5)))
    struct ExplainCommandTests {
        @Test func explainAndRunAgreeOnARefusalAnswered200() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let explain = try Executable.conformance(["explain", "accept-twice"], in: directory)
            #expect(explain.code == 0)
            #expect(explain.stdout.contains("or HTTP 200: WARN"), "\(explain.output)")
            let run = try Executable.conformance(
                ["run", "--reading", "refusal-status=200", "--filter", "accept-twice", "--report", "json:run.json"],
                in: directory)
            let result = try JSONDecoder().decode(
                RunResult.self, from: Data(contentsOf: directory.appendingPathComponent("run.json")))
            #expect(result.cases.map(\.verdict) == [.warn], "\(run.output)")

            // A reading that breaks nothing is a NOTE in both.
            let invited = try Executable.conformance(["explain", "accept-invited"], in: directory)
            #expect(invited.stdout.contains("or an empty body: NOTE"), "\(invited.output)")
            let empty = try Executable.conformance(
                [
                    "run", "--reading", "success-body=empty", "--filter", "accept-invited", "--report",
                    "json:empty.json",
                ],
                in: directory)
            let emptyResult = try JSONDecoder().decode(
                RunResult.self, from: Data(contentsOf: directory.appendingPathComponent("empty.json")))
            #expect(emptyResult.cases.map(\.verdict) == [.note], "\(empty.output)")
        }
    }
}
