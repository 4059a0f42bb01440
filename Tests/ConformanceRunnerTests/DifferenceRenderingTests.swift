import Foundation
import Synchronization
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// The console, Markdown, HTML and JSON renderings of a difference.
struct DifferenceRenderingTests {
    /// A regression in a case whose id a hostile report could have written, a fix, and a changed shape.
    static func sample() throws -> RunDifference {
        let hostile = "x<script>alert(1)</script>|`"
        let old = run(
            [judged(hostile, .pass), judged("b", .fail, broken: ["R1"])],
            shapes: [MessageShape(kind: .answer, name: "GET /me → 2xx", members: ["": ["object"]], examples: ["b"])])
        let new = run(
            [judged(hostile, .fail, broken: ["ENDCONFERENCE-NAME"]), judged("b", .pass)],
            shapes: [
                MessageShape(
                    kind: .answer, name: "GET /me → 2xx", members: ["": ["object"], "/serverTime": ["string"]],
                    examples: ["b"])
            ])
        return try RunDifference(old: old, new: new)
    }

    @Test func consoleListsRegressionsBeforeFixesAndEndsWithTheHeadline() throws {
        let lines = Mutex<[String]>([])
        let reporter = ConsoleReporter(colour: false) { line in lines.withLock { $0.append(line) } }
        reporter.difference(try Self.sample())
        let text = lines.withLock { $0 }.joined(separator: "\n")
        let regressions = try #require(text.range(of: "Regressions:"))
        let fixes = try #require(text.range(of: "Fixes:"))
        #expect(regressions.lowerBound < fixes.lowerBound)
        #expect(text.contains("PASS → FAIL  x<script>alert(1)</script>|` (Accept): breaks ENDCONFERENCE-NAME"))
        #expect(text.contains("ENDCONFERENCE-NAME (MUST) in x<script>"))
        #expect(text.contains("added /serverTime (string)"))
        #expect(
            lines.withLock { $0.last }
                == "Regression: 1 regression, 1 fix, 1 requirement newly broken, 1 requirement fixed, 1 shape changed.")
    }

    @Test func markdownEscapesWhatTheReportsSay() throws {
        let text = DifferenceMarkdown.render(try Self.sample())
        #expect(text.hasPrefix("### ❌ Regression: 1 regression"))
        #expect(!text.contains("<script>"))
        #expect(text.contains("x\\<script\\>alert(1)\\</script\\>\\|\\`"))
        #expect(text.contains("| **regression** |"))
        #expect(text.contains("#### Answer and notification shapes"))
    }

    @Test func htmlShowsBothRunsSideBySideAndEscapes() throws {
        let html = DifferenceHTML.render(try Self.sample())
        #expect(!html.contains("<script>"))
        #expect(html.contains("x&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<thead><tr><th></th><th>Old</th><th>New</th></tr></thead>"))
        #expect(html.contains("<div class=\"add\"><code>/serverTime</code> string</div>"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func jsonRoundTrips() throws {
        let difference = try Self.sample()
        let data = try DifferenceReport.render(difference, as: .json)
        #expect(try JSONDecoder().decode(RunDifference.self, from: data) == difference)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"direction\" : \"regression\""))
    }
}
