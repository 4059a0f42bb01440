import Foundation
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReportRenderingTests {
    static let hostile = #"<script>alert(1)</script> "&'"#

    /// One case of each verdict in two operations; the FAIL carries hostile text from the "server".
    static func sampleRun(complete: Bool = true) -> RunResult {
        let cases = [
            CaseResult(
                id: "accept-invited", operation: "Accept", title: "Accept an invited interaction",
                requirements: ["ACCEPT-200"], verdict: .pass, durationMs: 41),
            CaseResult(
                id: "accept-twice", operation: "Accept", title: "Accepting twice is refused",
                requirements: ["ACCEPT-200", "ERROR-BODY"], verdict: .fail, durationMs: 1_234,
                deviations: [
                    Deviation(
                        requirement: "ACCEPT-200", level: .must, pointer: "/status", expected: "200",
                        actual: #""&'"#, message: hostile, erratum: "The sample says 201.",
                        curl: "curl -sS -i -X POST 'http://127.0.0.1:8090/api/v2/me/interactions/a|b'"),
                    Deviation(
                        requirement: "ERROR-BODY", level: .should, pointer: "/message",
                        expected: "a string", actual: "pipe | and `tick`\u{1} control", message: "no | message `x`"),
                ],
                curl: "curl -sS -i -X POST 'http://127.0.0.1:8090/api/v2/me/interactions/a|b'",
                transcript: [
                    #"agent1: POST /api/v2/me/interactions/a/accept {"operationName":"Accept"} → HTTP 500 <script>"#,
                    "agent1 ⇐ /v2/me/interactions {\"messageType\":\"InteractionStateChanged\"}",
                ]),
            CaseResult(
                id: "accept-status-text", operation: "Accept", title: "Status text", requirements: ["STATUS-TEXT"],
                verdict: .warn, durationMs: 12,
                deviations: [
                    Deviation(
                        requirement: "STATUS-TEXT", level: .should, pointer: "", expected: "HTTP/1.1 200 OK",
                        actual: "HTTP/1.1 200 Fine", message: "the reason phrase is not OK")
                ]),
            CaseResult(
                id: "notify-order", operation: "Notifications", title: "Notification order",
                requirements: ["NOTIFY-ORDER"], verdict: .note, durationMs: 300,
                notes: ["follows the erratum's second reading <img src=https://evil.example/x.png>"]),
            CaseResult(
                id: "notify-chat", operation: "Notifications", title: "Chat notifications",
                requirements: ["NOTIFY-CHAT"], verdict: .skip, error: "media type chat is not in the profile"),
            CaseResult(
                id: "notify-timeout", operation: "Notifications", title: "Notification arrives",
                requirements: ["NOTIFY-ORDER"], verdict: .error, durationMs: 5_000,
                error: "no notification within 5 s <b>"),
        ]
        let clauses = [
            "ACCEPT-200": RunResult.Clause(
                Requirement(
                    id: "ACCEPT-200", level: .must, section: "4.2 Accept",
                    quote: "The server MUST answer 200 OK with an empty body.", erratum: "The sample says 201.")),
            "ERROR-BODY": RunResult.Clause(
                Requirement(
                    id: "ERROR-BODY", level: .should, section: "2.3 Errors",
                    quote: "An error answer SHOULD carry a message.")),
        ]
        return RunResult(
            target: .init(name: "lab <one>", baseURL: "http://127.0.0.1:8090"), cases: cases,
            startedAt: Date(timeIntervalSince1970: 1_714_555_800), durationMs: 6_587, complete: complete,
            clauses: clauses)
    }

    // MARK: JUnit

    @Test func junitParsesWithOneSuitePerOperationAndTheRightCounts() throws {
        let xml = JUnitReport.render(Self.sampleRun())
        let document = try XMLDocumentSummary(parsing: xml)
        #expect(document.count("testsuites") == 1)
        #expect(document.count("testsuite") == 2)
        #expect(document.count("testcase") == 6)
        #expect(document.count("failure") == 1)
        #expect(document.count("error") == 1)
        #expect(document.count("skipped") == 1)
        let root = try #require(document.elements.first { $0.name == "testsuites" })
        #expect(root.attributes["tests"] == "6")
        #expect(root.attributes["failures"] == "1")
        #expect(root.attributes["errors"] == "1")
        #expect(root.attributes["skipped"] == "1")
        #expect(root.attributes["time"] == "6.587")
        let suites = document.elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == ["Accept", "Notifications"])
        #expect(suites.map { $0.attributes["tests"] } == ["3", "3"])
        #expect(suites.map { $0.attributes["failures"] } == ["1", "0"])
        let testcases = document.elements.filter { $0.name == "testcase" }
        #expect(testcases.map { $0.attributes["name"] } == Self.sampleRun().cases.map(\.id))
        #expect(testcases[1].attributes["classname"] == "Accept")
        #expect(testcases[1].attributes["time"] == "1.234")
    }

    @Test func junitFailureCarriesEveryDeviationAndTheHostileTextIntact() throws {
        let xml = JUnitReport.render(Self.sampleRun())
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("\u{1}"))
        let document = try XMLDocumentSummary(parsing: xml)
        let failure = try #require(document.elements.first { $0.name == "failure" })
        #expect(failure.attributes["message"] == Self.hostile)
        #expect(failure.attributes["type"] == "ACCEPT-200")
        #expect(failure.text.contains("ACCEPT-200 (MUST) at /status"))
        #expect(failure.text.contains("ERROR-BODY (SHOULD) at /message"))
        #expect(failure.text.contains("actual:   pipe | and `tick` control"))
        #expect(failure.text.contains("erratum:  The sample says 201."))
        #expect(failure.text.contains("curl -sS -i -X POST 'http://127.0.0.1:8090/api/v2/me/interactions/a|b'"))
        let error = try #require(document.elements.first { $0.name == "error" })
        #expect(error.attributes["message"] == "no notification within 5 s <b>")
        let skipped = try #require(document.elements.first { $0.name == "skipped" })
        #expect(skipped.attributes["message"] == "media type chat is not in the profile")
    }

    @Test func junitCountsWarnAsPassingWithItsShouldDeviationsInSystemOut() throws {
        let document = try XMLDocumentSummary(parsing: JUnitReport.render(Self.sampleRun()))
        let outputs = document.elements.filter { $0.name == "system-out" }.map(\.text)
        let warn = try #require(outputs.first { $0.hasPrefix("WARN: Status text") })
        #expect(warn.contains("STATUS-TEXT (SHOULD) at (whole)"))
        #expect(warn.contains("actual:   HTTP/1.1 200 Fine"))
        let note = try #require(outputs.first { $0.hasPrefix("NOTE: Notification order") })
        #expect(note.contains("note: follows the erratum's second reading"))
        let failures = document.elements.filter { $0.name == "failure" || $0.name == "error" }
        #expect(failures.count == 2)
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        (#"<x y="1" z='2'>"#, "&lt;x y=&quot;1&quot; z=&apos;2&apos;&gt;"),
        ("bell\u{7}escape\u{1B}kept\ttab", "bellescapekept\ttab"),
        ("line\nbreak\r", "line\nbreak&#13;"),
    ])
    func xmlEscaping(text: String, escaped: String) {
        #expect(JUnitReport.escape(text) == escaped)
    }

    @Test func xmlEscapingDropsWhatXMLCannotCarry() {
        #expect(JUnitReport.escape("a\u{0}b\u{FFFE}c") == "abc")
        #expect(JUnitReport.escape("tab\tline\n", inAttribute: true) == "tab&#9;line&#10;")
    }

    // MARK: HTML

    @Test func htmlEscapesEverythingAndLoadsNothingFromTheNetwork() throws {
        let html = HTMLReport.render(Self.sampleRun())
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;"))
        #expect(html.contains("lab &lt;one&gt;"))
        #expect(html.contains("no notification within 5 s &lt;b&gt;"))
        #expect(html.contains("reading &lt;img src=https://evil.example/x.png&gt;"))
        // Inside a tag, any src, href or action that reaches out (scheme or protocol-relative), and CSS imports.
        let networkReference = try Regex(
            #"(?i)<[^>]*\s(src|href|action)\s*=\s*["']?\s*([a-z]+:|//)|@import|url\("#)
        #expect(html.firstMatch(of: networkReference) == nil)
        #expect(#"<img alt="" src="https://x.example/a.png">"#.firstMatch(of: networkReference) != nil)
        #expect(!html.contains("<img"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func htmlShowsClausesDiffsCurlAndTranscript() {
        let html = HTMLReport.render(Self.sampleRun())
        #expect(html.contains("<blockquote class=\"clause\"><p>The server MUST answer 200 OK with an empty body.</p>"))
        #expect(html.contains("<cite>4.2 Accept · MUST</cite>"))
        #expect(html.contains("<strong>Erratum:</strong> The sample says 201."))
        #expect(html.contains("<pre>&quot;&amp;&#39;</pre>"))
        #expect(
            html.contains(
                "<pre class=\"curl\">curl -sS -i -X POST &#39;http://127.0.0.1:8090/api/v2/me/interactions/a|b&#39;</pre>"
            ))
        // The case's curl line is the first deviation's: shown once.
        #expect(html.components(separatedBy: "interactions/a|b&#39;</pre>").count - 1 == 1)
        #expect(html.components(separatedBy: "<blockquote class=\"clause\">").count - 1 == 2)
        #expect(html.contains("<summary>Transcript: 1 exchange, 1 notification</summary>"))
        #expect(html.contains("<li class=\"notification\">agent1 ⇐ /v2/me/interactions"))
        #expect(html.components(separatedBy: "<article class=\"case").count - 1 == 5)
        #expect(html.contains("<code>accept-invited</code>"))
        #expect(html.contains("<time datetime=\"2024-05-01T09:30:00Z\">2024-05-01 09:30:00 UTC</time>"))
        #expect(!html.contains("Incomplete run"))
    }

    @Test func htmlHasTheVerdictCountsAndAnOperationTable() {
        let html = HTMLReport.render(Self.sampleRun())
        for verdict in ["pass", "fail", "warn", "note", "skip", "error"] {
            #expect(html.contains("<li class=\"v-\(verdict)\"><span class=\"dot\"></span><b>1</b>"))
        }
        #expect(html.contains("<tr><th scope=\"row\"><a href=\"#op-0\">Accept</a></th><td>3</td>"))
        #expect(html.contains("<h1><span class=\"badge v-fail\">FAIL</span>"))
    }

    @Test func incompleteRunsSaySo() {
        let html = HTMLReport.render(Self.sampleRun(complete: false))
        #expect(html.contains("<div class=\"banner\" role=\"alert\"><strong>Incomplete run:</strong>"))
        let markdown = MarkdownReport.render(Self.sampleRun(complete: false))
        #expect(markdown.contains("\n> **Incomplete run:** The run was interrupted before every selected case ran"))
        #expect(!MarkdownReport.render(Self.sampleRun()).contains("Incomplete run"))
        #expect(
            JUnitReport.render(Self.sampleRun(complete: false)).contains(#"<property name="complete" value="false"/>"#))
    }

    /// A run the circuit breaker stopped says why in every format, with the case after which the target fell
    /// silent, and exits 3.
    @Test func aStoppedRunSaysWhyInEveryFormat() {
        var run = Self.sampleRun(complete: false)
        run.stopped = CircuitBreaker.Trip(afterCase: "accept-twice", reason: "connection refused", failures: 5)
        let sentence =
            "the target stopped answering after case accept-twice (connection refused; 5 exchanges in a row got no answer)"
        #expect(run.exitCode(strict: false) == 3)
        #expect(HTMLReport.render(run).contains("<strong>Incomplete run:</strong> The run stopped early: \(sentence)"))
        #expect(MarkdownReport.render(run).contains("> **Incomplete run:** The run stopped early: \(sentence)"))
        #expect(JUnitReport.render(run).contains("<!-- incomplete run: The run stopped early: \(sentence)"))
        let lines = Locked<[String]>([])
        ConsoleReporter(colour: false, write: { line in lines.withLock { $0.append(line) } }).finish(run)
        #expect(lines.current.contains { $0.hasPrefix("The run stopped early: \(sentence).") })
    }

    // MARK: Markdown

    @Test func markdownHasTheCountsLineAndEscapedTables() throws {
        let markdown = MarkdownReport.render(Self.sampleRun())
        let first = try #require(markdown.split(separator: "\n").first)
        #expect(
            first
                == "❌ **FAIL** — 6 cases against lab \\<one\\>: 1 PASS, 1 FAIL, 1 WARN, 1 NOTE, 1 SKIP, 1 ERROR "
                + "(suite \(SuiteVersion.current), 6.59 s)")
        #expect(!markdown.contains("<script>"))
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| **FAIL** |") })
        #expect(
            row
                == #"| **FAIL** | accept-twice | ACCEPT-200, ERROR-BODY | \<script\>alert(1)\</script\> "\&'"#
                + " |")
        #expect(markdown.contains(#"no \| message \`x\`"#))
        #expect(markdown.contains("| **WARN** | accept-status-text | STATUS-TEXT | the reason phrase is not OK |"))
        #expect(!markdown.contains("| **PASS** |"))
        #expect(markdown.contains("  ```diff\n  - 200\n  + \"&'\n  ```"))
        #expect(markdown.contains("<summary>FAIL accept-twice — Accepting twice is refused</summary>"))
    }

    @Test func markdownStaysUnderTheBudgetAndSaysWhatItLeftOut() {
        let many = (0..<3_000).map { index in
            CaseResult(
                id: "case-\(index)", operation: "Operation\(index % 7)", title: "A failing case", requirements: ["R"],
                verdict: .fail,
                deviations: [
                    Deviation(
                        requirement: "R", level: .must, pointer: "/x", expected: String(repeating: "e", count: 400),
                        actual: String(repeating: "a", count: 400), message: "broke")
                ])
        }
        let run = RunResult(
            target: .init(name: "t", baseURL: "http://t"), cases: many, startedAt: Date(), durationMs: 1)
        let markdown = MarkdownReport.render(run)
        #expect(markdown.utf8.count <= MarkdownReport.byteBudget)
        #expect(markdown.contains("cases omitted from the tables"))
        #expect(markdown.contains("_3000 cases omitted from the details"))
        #expect(markdown.hasPrefix("❌ **FAIL** — 3000 cases against t: 0 PASS, 3000 FAIL"))
    }
}

/// The elements of an XML document in document order, read with Foundation's `XMLParser`.
private final class XMLDocumentSummary: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(parsing xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw ParseFailure(
                description: "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
    }

    func count(_ name: String) -> Int { elements.count(where: { $0.name == name }) }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}
