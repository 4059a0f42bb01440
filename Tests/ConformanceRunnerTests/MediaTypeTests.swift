import AsyncHTTPClient
import EmbeddedTarget
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// "Functionality may vary from different media types": the catalog runs under each media type of the profile.
@Suite(.timeLimit(.minutes(3))) struct MediaTypeTests {
    static func result(_ id: String, _ verdict: Verdict, deviations: [Deviation] = [], notes: [String] = [])
        -> CaseResult
    {
        CaseResult(
            id: id, operation: "Accept", title: id, requirements: ["R"], verdict: verdict, durationMs: 10,
            deviations: deviations, notes: notes)
    }

    @Test func aCaseTakesTheWorstVerdictAndKeepsEachMediaTypes() {
        let deviation = Deviation(
            requirement: "R", level: .must, pointer: "/status", expected: "\"ok\"", actual: "\"OK\"", message: "m")
        let combined = MediaTypeResults.combine([
            ("email", [Self.result("a", .pass, notes: ["same"]), Self.result("b", .note, notes: ["only email"])]),
            ("chat", [Self.result("a", .fail, deviations: [deviation], notes: ["same"]), Self.result("b", .pass)]),
        ])
        #expect(combined.map(\.id) == ["a", "b"])
        #expect(combined.map(\.verdict) == [.fail, .note])
        #expect(combined[0].mediaVerdicts == "email PASS, chat FAIL")
        #expect(combined[0].deviations.map(\.described) == ["[chat] m"])
        #expect(combined[0].notes == ["same"])
        #expect(combined[1].notes == ["[email] only email"])
        #expect(combined[0].durationMs == 20)
        #expect(RunResult.Summary(combined).fail == 1)
        // One media type: the results are the cases' own.
        #expect(MediaTypeResults.combine([("email", [Self.result("a", .pass)])])[0].mediaTypes == nil)
    }

    @Test func aWaiverRejudgesTheMediaTypeItWaivesAndItsSummary() async throws {
        let result = try await run(deviations: ["chat-ok-uppercase"], filters: ["accept-invited"])
        let baseline = Baseline(waivers: [
            .init(caseID: "accept-invited", requirement: "ACCEPT-SUCCESS-BODY", reason: "chat fix in 8.5.2")
        ])
        let waived = baseline.apply(to: result)
        #expect(waived.cases[0].verdict == .waived)
        #expect(waived.cases[0].mediaTypes?.map(\.verdict) == [.pass, .waived])
        #expect(waived.mediaTypes?.map(\.summary.fail) == [0, 0])
        #expect(waived.mediaTypes?.map(\.summary.waived) == [0, 1])
    }

    @Test func aRunUnderOneMediaTypeSaysWhichAndACaseNotRunUnderOneSaysSo() {
        let partial = MediaTypeResults.combine([
            ("email", [Self.result("a", .pass), Self.result("b", .pass)]), ("chat", [Self.result("a", .pass)]),
        ])
        #expect(
            partial[1].mediaTypes == [
                .init(mediaType: "email", verdict: .pass), .init(mediaType: "chat", verdict: .skip),
            ])
        #expect(partial[1].info == ["[chat] not run: the run ended before the case started under it"])
        #expect(partial[1].verdict == .pass)
    }

    func run(deviations: [String], mediaTypes: [String] = [], filters: [String]) async throws -> RunResult {
        let catalog = try Catalog.load(root: repositoryRoot)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = httpClient.shutdown() }
        var runOptions = RunOptions(filters: filters, jobs: 2)
        runOptions.mediaTypes = mediaTypes
        return try await EmbeddedTarget.run(
            catalog: catalog, runOptions: runOptions,
            options: EmbeddedTarget.Options(deviations: deviations, notificationTimeout: .seconds(3)),
            httpClient: httpClient
        ) { _ in }.get()
    }

    @Test func aDeviationUnderOneMediaTypeFailsTheCaseAndTheReportsSayWhere() async throws {
        let result = try await run(deviations: ["chat-ok-uppercase"], filters: ["accept-invited"])
        let accept = try #require(result.cases.first)
        #expect(accept.verdict == .fail)
        #expect(
            accept.mediaTypes == [.init(mediaType: "email", verdict: .pass), .init(mediaType: "chat", verdict: .fail)])
        #expect(accept.deviations.allSatisfy { $0.mediaType == "chat" })
        #expect(result.mediaTypes?.map(\.mediaType) == ["email", "chat"])
        #expect(result.mediaTypes?.map(\.summary.fail) == [0, 1])
        #expect(result.summary.total == 1)
        #expect(MarkdownReport.render(result).contains("(email PASS, chat FAIL)"))
        // Under email alone, the switch cannot be seen: the dimension is what catches it.
        let emailOnly = try await run(
            deviations: ["chat-ok-uppercase"], mediaTypes: ["email"], filters: ["accept-invited"])
        #expect(emailOnly.summary.pass == 1)
        #expect(emailOnly.cases[0].mediaTypes == nil)
        // The run says which media type it covered.
        #expect(emailOnly.mediaTypes?.map(\.mediaType) == ["email"])
    }
}
