import ConformanceJSON
import ConformanceReport
import Foundation
import Testing

/// The masking of `scripts/compare-reports`, as a pure function: what is left of a JSON report once ports, ids,
/// secrets, agents, times, digests and the one count that depends on timing are masked is the behaviour a
/// refactoring must not change.
enum ReportMask {
    /// The masked report: no `suite` (its version and catalog digest are not behaviour), every value masked, the
    /// cases sorted by id and media types, so that parallel scheduling does not matter.
    static func masked(_ report: JSONValue) -> JSONValue {
        let value = masking(report)
        guard case .object(var object) = value else { return value }
        object["suite"] = nil
        if var cases = object["cases"]?.arrayValue {
            var timed = 0.0
            for index in cases.indices {
                guard case .object(var testCase) = cases[index], let id = testCase["id"]?.stringValue,
                    timedExchanges.contains(id), let count = testCase["exchanges"]?.numberValue
                else { continue }
                timed += count
                testCase["exchanges"] = "<n>"
                cases[index] = .object(testCase)
            }
            // The run's `exchanges` counts the timed cases' too: it is kept without them.
            if let total = object["exchanges"]?.numberValue { object["exchanges"] = .number(total - timed) }
            object["cases"] = .array(cases.sorted { sortKey($0) < sortKey($1) })
        }
        return .object(object)
    }

    /// The cases whose `exchanges` member depends on timing, masked to "<n>". `notification-channel` repeats its
    /// `/meta/connect` (`retry: 3`) until the reply holds the new interaction's message, and the variant delivers
    /// it 20 to 80 ms after the fixture's answer, so the first connect finds it or not: 5 or 6 exchanges.
    static let timedExchanges: Set<String> = ["notification-channel"]

    /// One value, masked at any depth.
    static func masking(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            // A transcript and its curl lines show what other cases run at the same time did (GET /interactions
            // lists their interactions too): they vary from run to run, whatever the revision.
            .object(
                JSONObject(
                    object.filter { !["transcript", "curl"].contains($0.key) }.map { member in
                        JSONObject.Member(key: member.key, value: masking(member.value, named: member.key))
                    }))
        case .array(let elements): .array(elements.map(masking))
        case .string(let text): .string(masking(text))
        default: value
        }
    }

    /// A member's value: times by their name, digests by theirs (`catalogDigest`, `caseDigest`: they hash the
    /// catalog's YAML text, which a refactoring may rewrite without changing what the cases do).
    static func masking(_ value: JSONValue, named name: String) -> JSONValue {
        if ["durationMs", "startedAt", "finishedAt"].contains(name) { return "<time>" }
        if name.hasSuffix("igest") { return "<digest>" }
        return masking(value)
    }

    /// The substitutions of `scripts/compare-reports`, in its order (a later one must not see what an earlier
    /// one already masked differently).
    static let substitutions: [(pattern: String, replacement: String)] = [
        (#"127\.0\.0\.1:\d+"#, "127.0.0.1:<port>"),
        (#"\b[0-9]{4}[A-Za-z0-9]{12}\b"#, "<id>"),
        (#"\bIX[0-9A-Z]{22}\b"#, "<id>"),
        (#"\b[A-Za-z0-9]{24}\b"#, "<clientId>"),
        (#"/interactions/\d+/"#, "/interactions/<n>/"),
        (#"\d+ ms\b"#, "<n> ms"),
        (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, "<time>"),
        (#"Basic [A-Za-z0-9+/=]+"#, "Basic <credentials>"),
        // Cases run at once lease whichever agents are free: which agent a case plays is not behaviour.
        (#"\bagent-?\d+\b"#, "<agent>"),
    ]

    /// A string with every substitution applied.
    static func masking(_ text: String) -> String {
        substitutions.reduce(text) { text, substitution in
            text.replacingOccurrences(
                of: substitution.pattern, with: substitution.replacement, options: .regularExpression)
        }
    }

    private static func sortKey(_ testCase: JSONValue) -> String {
        (testCase["id"]?.stringValue ?? "") + "\u{0}" + (testCase["mediaTypes"]?.compactText ?? "")
    }
}

/// One place where a snapshot and a new report differ: the pointer, and both values (`nil`: absent).
struct SnapshotDifference: CustomStringConvertible {
    var pointer: JSONPointer
    var old: JSONValue?
    var new: JSONValue?

    /// Every difference between two documents, in document order; an array that grew or shrank differs at each
    /// index past the shorter one.
    static func between(_ old: JSONValue?, _ new: JSONValue?, at pointer: JSONPointer = .root) -> [Self] {
        switch (old, new) {
        case (.object(let before), .object(let after)):
            let keys = before.keys + after.keys.filter { before[$0] == nil }
            return keys.flatMap { between(before[$0], after[$0], at: pointer.appending($0)) }
        case (.array(let before), .array(let after)):
            return (0..<max(before.count, after.count)).flatMap { index in
                // `.none`, not `nil`: a `nil` literal here would be JSON null.
                between(
                    before.indices.contains(index) ? .some(before[index]) : .none,
                    after.indices.contains(index) ? .some(after[index]) : .none, at: pointer.appending(index))
            }
        default:
            return old == new ? [] : [Self(pointer: pointer, old: old, new: new)]
        }
    }

    var description: String {
        func shown(_ value: JSONValue?) -> String { value?.abbreviated(limit: 200) ?? "(absent)" }
        return "\(pointer): was \(shown(old)), now \(shown(new))"
    }
}

/// Golden snapshots of the masked JSON reports of four runs on the embedded reference server: a refactoring of the
/// suite must leave them as they are. `UPDATE_REPORT_SNAPSHOTS=1` rewrites them after an intended change of
/// behaviour; their diff is then that change, to be reviewed as one.
@Suite(.timeLimit(.minutes(5))) struct ReportSnapshotTests {
    /// One run of `scripts/compare-reports`, under the email media type only (as `runCatalog` runs by default).
    struct Run: Sendable, CustomTestStringConvertible {
        var name: String
        var deviations: [String] = []
        var readings: [String] = []
        var variant = false

        var testDescription: String { name }
    }

    static let runs = [
        Run(name: "clean"),
        Run(name: "leave-conference-only", deviations: ["leave-conference-only"]),
        Run(name: "variant", variant: true),
        Run(name: "readings", readings: ["refusal-status=200", "success-body=empty"]),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    @Test(arguments: runs) func theMaskedReportMatchesItsSnapshot(_ run: Run) async throws {
        // The same runs the diff and end-to-end suites judge (`sharedRun`, two jobs, email only).
        let result = try await sharedRun(deviations: run.deviations, readings: run.readings, variant: run.variant)
        let report = ReportMask.masked(try JSONValue(parsing: ReportWriter.render(result, as: .json)))
        let file = Self.directory.appendingPathComponent("\(run.name).json")
        let old = FileManager.default.contents(atPath: file.path)
        if ProcessInfo.processInfo.environment["UPDATE_REPORT_SNAPSHOTS"] == "1" {
            let text = Data(report.canonicalText.utf8)
            let state = old == nil ? "new" : old == text ? "unchanged" : "changed"
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: file)
            // An issue, not a note: a run with the variable left set must never pass.
            Issue.record(
                """
                UPDATE_REPORT_SNAPSHOTS=1 wrote Snapshots/\(run.name).json (\(state)): \
                review its diff as a change of behaviour, then run the tests again without the variable
                """)
            return
        }
        guard let old = try old.map({ try JSONValue(parsing: $0) }) else {
            Issue.record(
                """
                no snapshot at \(file.path): write it with \
                UPDATE_REPORT_SNAPSHOTS=1 swift test --filter ReportSnapshotTests
                """)
            return
        }
        let differences = SnapshotDifference.between(old, report)
        // An issue of its own, not `#expect(differences.isEmpty)`, which would print every difference.
        guard !differences.isEmpty else { return }
        let lines = differences.prefix(8).map { difference in
            // A case's index says little: name it (as the new report has it, or else the snapshot).
            let tokens = difference.pointer.tokens
            guard tokens.count > 1, tokens[0] == "cases",
                let id = report["cases"]?[JSONPointer(tokens: [tokens[1], "id"])]?.stringValue
                    ?? old["cases"]?[JSONPointer(tokens: [tokens[1], "id"])]?.stringValue
            else { return "  \(difference)" }
            return "  \(difference) (case \(id))"
        }
        Issue.record(
            """
            the masked report of the \(run.name) run differs from Snapshots/\(run.name).json in \
            \(differences.count) places\(differences.count > lines.count ? "; the first \(lines.count)" : ""):
            \(lines.joined(separator: "\n"))
            After an intended change of behaviour: UPDATE_REPORT_SNAPSHOTS=1 swift test --filter ReportSnapshotTests
            """)
    }

    /// The masking keeps what a case did and drops or masks what differs from run to run.
    @Test func theMaskHidesPortsIdsTimesTranscriptsDigestsAndTimedCounts() {
        let report: JSONValue = [
            "suite": ["version": "0.1.0", "catalogDigest": "3f1c09"],
            "startedAt": "2025-12-18T09:30:00Z",
            "durationMs": 2310,
            "exchanges": 20,
            "target": ["name": "embedded", "baseURL": "http://127.0.0.1:53124/api/v2"],
            "cases": [
                ["id": "notification-channel", "exchanges": 6, "verdict": "PASS"],
                [
                    "id": "reject-invited",
                    "caseDigest": "9a0b11",
                    "durationMs": 41,
                    "verdict": "PASS",
                    "transcript": ["agent1: POST /me/interactions/0001AbCdEfGhIjKl {} → HTTP 200"],
                    "deviations": [],
                ],
                [
                    "id": "accept-twice",
                    "caseDigest": "77c2de",
                    "verdict": "FAIL",
                    "curl": "curl -sS -i -X POST -u 'agent1:<password of agent1>' 'http://127.0.0.1:53124/api/v2'",
                    "deviations": [
                        [
                            "requirement": "ERROR-NOT-5XX",
                            "message":
                                "POST /me/interactions/0001AbCdEfGhIjKl: answered HTTP 500 at 2025-12-18T09:30:01Z after 12 ms (agent-2)",
                            "curl": "curl -sS 'http://127.0.0.1:53124/api/v2/me/interactions/0001AbCdEfGhIjKl'",
                        ]
                    ],
                ],
            ],
        ]
        let expected: JSONValue = [
            "startedAt": "<time>",
            "durationMs": "<time>",
            "exchanges": 14,
            "target": ["name": "embedded", "baseURL": "http://127.0.0.1:<port>/api/v2"],
            "cases": [
                [
                    "id": "accept-twice",
                    "caseDigest": "<digest>",
                    "verdict": "FAIL",
                    "deviations": [
                        [
                            "requirement": "ERROR-NOT-5XX",
                            "message": "POST /me/interactions/<id>: answered HTTP 500 at <time> after <n> ms (<agent>)",
                        ]
                    ],
                ],
                ["id": "notification-channel", "exchanges": "<n>", "verdict": "PASS"],
                [
                    "id": "reject-invited", "caseDigest": "<digest>", "durationMs": "<time>", "verdict": "PASS",
                    "deviations": [],
                ],
            ],
        ]
        #expect(ReportMask.masked(report) == expected)
        #expect(
            ReportMask.masking(
                "Basic YWdlbnQxOnB3 for IX0123456789ABCDEFGHIJKL on /interactions/17/ via abcdefghijklmnopqrstuvwx")
                == "Basic <credentials> for <id> on /interactions/<n>/ via <clientId>")
    }

    /// The comparison names each place that differs, with both values.
    @Test func aDifferenceNamesItsPointerAndBothValues() {
        let old: JSONValue = ["cases": [["id": "a", "verdict": "PASS"], ["id": "b"]], "summary": ["pass": 1]]
        let new: JSONValue = ["cases": [["id": "a", "verdict": "FAIL", "error": nil]], "summary": ["pass": 1]]
        #expect(
            SnapshotDifference.between(old, new).map(\.description) == [
                #"/cases/0/verdict: was "PASS", now "FAIL""#, #"/cases/0/error: was (absent), now null"#,
                #"/cases/1: was {"id":"b"}, now (absent)"#,
            ])
    }
}
