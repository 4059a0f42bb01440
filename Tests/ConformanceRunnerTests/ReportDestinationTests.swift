import Foundation
import Testing

@testable import ConformanceReport

/// A report that cannot be written is refused before the run; a run that judged nothing still leaves reports.
@Suite struct ReportDestinationTests {
    static func destination(_ argument: String) throws -> ReportWriter.Destination {
        try #require(ReportWriter.Destination(argument: argument))
    }

    @Test func unwritableDestinationsAreFoundUpFront() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("file"))
        let base = root.path
        let problems = ReportWriter.problems(in: [
            try Self.destination("json:\(base)/file/x.json"),
            try Self.destination("json:\(base)/dir"),
            try Self.destination("junit:\(base)/new/deeper/junit.xml"),
            try Self.destination("html:\(base)/new/../new/deeper/junit.xml"),
        ])
        #expect(problems.count == 3, "\(problems)")
        #expect(problems[0].contains("is a file, so no directory can be made there"))
        #expect(problems[1].contains("that is a directory"))
        #expect(problems[2].contains("already given for the junit report"))
        // A path under directories that do not exist yet is fine: they are made when writing.
        #expect(ReportWriter.problems(in: [try Self.destination("json:\(base)/a/b/c/run.json")]).isEmpty)
    }

    @Test func aRunThatJudgedNothingStillReportsEveryCaseAndWhy() throws {
        let run = RunResult.notRun(
            [("accept-invited", "Accept", "t", ["R"]), ("reject-invited", "Reject", "t", ["R"])],
            target: RunResult.Target(name: "lab", baseURL: "http://lab/api/v2"),
            reason: "the target at http://lab/api/v2 cannot be reached: connection refused", startedAt: Date(),
            unreachable: true)
        #expect(run.summary.error == 2)
        #expect(!run.complete)
        #expect(run.exitCode(strict: false) == 3)
        #expect(run.cases.allSatisfy { $0.error?.contains("connection refused") == true })
        #expect(run.incompleteReason?.contains("before it answered any case") == true)
        #expect(try ReportSchemaTests.schema().problems(in: ReportSchemaTests.json(run)) == [])
        let junit = String(decoding: try ReportWriter.render(run, as: .junit), as: UTF8.self)
        #expect(junit.components(separatedBy: "<testcase").count == 3)
    }
}
