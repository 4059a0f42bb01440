import ConformanceJSON
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// The JSON report validates against its published schema, `docs/report-schema.json`, and writes no member the
/// schema does not describe.
@Suite(.timeLimit(.minutes(3))) struct ReportSchemaTests {
    static func schema() throws -> JSONSchemaCheck { try reportSchema() }

    static func json(_ run: RunResult) throws -> JSONValue { try reportJSON(run) }

    @Test func aRealRunOnTheEmbeddedServerValidates() async throws {
        let run = try await runCatalog(deviations: ["ok-uppercase", "html-error-pages"])
        #expect(run.summary.fail > 0)
        #expect(try Self.schema().problems(in: Self.json(run)) == [])
    }

    @Test func aStoppedRunWithWaiversValidates() throws {
        var run = ReportRenderingTests.sampleRun(complete: false)
        run.stopped = CircuitBreaker.Trip(afterCase: "accept-twice", reason: "connection refused", failures: 5)
        run.staleWaivers = ["accept-twice / ERROR-BODY: the deviation no longer happens"]
        run.expiredWaivers = []
        var waived = run.cases[1].deviations[1]
        waived.waiver = "known, ticket 42"
        waived.followsEarlier = true
        run.cases[1].waived = [waived]
        #expect(try Self.schema().problems(in: Self.json(run)) == [])
    }

    /// The check is not vacuous: a report that breaks the contract in three ways gets three problems.
    @Test func aBrokenReportIsRefusedAtEachSpot() throws {
        var report = try #require(try Self.json(ReportRenderingTests.sampleRun()).objectValue)
        var cases = try #require(report["cases"]?.arrayValue)
        var first = try #require(cases[0].objectValue)
        first["verdict"] = "MAYBE"
        first["durationMs"] = -1
        first["surprise"] = true
        cases[0] = .object(first)
        report["cases"] = .array(cases)
        var summary = try #require(report["summary"]?.objectValue)
        summary["fail"] = nil
        report["summary"] = .object(summary)
        let problems = try Self.schema().problems(in: .object(report))
        #expect(
            problems.sorted() == [
                "/cases/0/durationMs: -1.0 is below the minimum 0.0",
                "/cases/0/surprise: a member the schema does not describe",
                #"/cases/0/verdict: "MAYBE" is not one of ["PASS","FAIL","WARN","NOTE","SKIP","ERROR","WAIVED"]"#,
                "/summary: the required member 'fail' is missing",
            ])
    }
}
