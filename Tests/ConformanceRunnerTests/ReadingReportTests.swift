import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// The readings section says which alternative the target follows, MIXED when cases disagree, and is in every
/// report format.
@Suite struct ReadingReportTests {
    static let definitions = [
        ReadingDefinition(
            name: "refusal-status", title: "HTTP status of a refused request", requirement: "ERROR-HTTP-4XX",
            alternatives: [
                .init(name: "4xx", description: "a 4xx status"),
                .init(name: "200", description: "HTTP 200 with the error body", level: .should),
            ],
            observedBy: "the status of refusals"),
        ReadingDefinition(
            name: "put-body", title: "Body of PUT", requirement: "INTERACTION-PUT",
            alternatives: [.init(name: "properties", description: "p"), .init(name: "refused", description: "r")],
            observedBy: "PUT"),
        ReadingDefinition(
            name: "first-connect", title: "First connect", requirement: "BAYEUX-HANDSHAKE",
            alternatives: [.init(name: "immediate", description: "i"), .init(name: "held", description: "h")],
            observedBy: "not told apart", observable: false),
    ]

    static func result(_ id: String, _ readings: [String: [String]]) -> CaseResult {
        CaseResult(id: id, operation: "o", title: "t", requirements: [], verdict: .pass, readings: readings)
    }

    static func run() -> RunResult {
        var run = RunResult(
            target: .init(name: "lab", baseURL: "http://x"),
            cases: [
                result("a", ["refusal-status": ["200"]]),
                result("b", ["refusal-status": ["200"], "put-body": ["refused"]]),
                result("c", ["refusal-status": ["4xx"]]),
            ],
            startedAt: .now, durationMs: 1)
        run.readings = ReadingReport.summarize(definitions, cases: run.cases)
        return run
    }

    @Test func summarizeCountsCasesPerAlternativeAndSaysMixed() throws {
        let readings = try #require(Self.run().readings)
        let refusal = try #require(readings.first { $0.name == "refusal-status" })
        #expect(refusal.alternatives.map(\.count) == [1, 2])
        #expect(refusal.alternatives[1].examples == ["a", "b"])
        #expect(refusal.line.hasPrefix("HTTP status of a refused request: MIXED — 4xx in 1 case (c); 200 in 2 cases"))
        let put = try #require(readings.first { $0.name == "put-body" })
        #expect(put.followedText == "refused: r")
        #expect(readings.first { $0.name == "first-connect" }?.followedText == "not told apart")
    }

    @Test func everyReportFormatHasTheReadingsSection() throws {
        let run = Self.run()
        let markdown = MarkdownReport.render(run)
        #expect(markdown.contains("### Readings of the document"))
        #expect(markdown.contains("| Body of PUT | refused: r | 1 case |"))
        let html = HTMLReport.render(run)
        #expect(html.contains("<h2>Readings of the document</h2>"))
        #expect(html.contains("MIXED — 4xx: a 4xx status; 200: HTTP 200 with the error body (WARN)"))
        let lines = Locked<[String]>([])
        ConsoleReporter(colour: false, write: { line in lines.withLock { $0.append(line) } }).finish(run)
        #expect(lines.current.contains("  Body of PUT: refused — r [1 case]"))
        let json = String(decoding: try ReportWriter.render(run, as: .json), as: UTF8.self)
        #expect(json.contains("\"readings\""))
        #expect(json.contains("\"observedBy\""))
    }

    @Test func shardsMergeTheirCounts() throws {
        let run = Self.run()
        let merged = try #require(ReadingReport.merge([run.readings ?? [], run.readings ?? []]))
        #expect(merged.first { $0.name == "refusal-status" }?.alternatives.map(\.count) == [2, 4])
    }
}
