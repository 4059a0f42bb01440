import ConformanceJSON
import Foundation
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// A case result with the given verdict; a FAIL or WARN breaks `broken` (MUST, or SHOULD for WARN).
func judged(
    _ id: String, _ verdict: Verdict, broken: [String] = [], durationMs: Int = 20, digest: String? = "d-\(#line)"
) -> CaseResult {
    let level: RequirementLevel = verdict == .warn ? .should : .must
    var result = CaseResult(
        id: id, operation: "Accept", title: "case \(id)", requirements: broken, verdict: verdict,
        durationMs: durationMs,
        deviations: broken.map {
            Deviation(
                requirement: $0, level: level, pointer: "", expected: "x", actual: "y", message: "\(id) broke \($0)")
        },
        error: verdict == .error ? "no answer in time" : nil)
    result.caseDigest = digest
    return result
}

func run(_ cases: [CaseResult], digest: String = "catalog-1", shapes: [MessageShape]? = []) -> RunResult {
    var result = RunResult(
        target: .init(name: "lab", baseURL: "http://127.0.0.1:1/api/v2"), cases: cases,
        startedAt: Date(timeIntervalSince1970: 0), durationMs: 100)
    result.suite.catalogDigest = digest
    result.shapes = shapes
    return result
}

struct RunDifferenceTests {
    @Test func verdictsAreOrderedRegressionsFixesThenOtherChanges() throws {
        let old = run([
            judged("a", .pass), judged("b", .fail, broken: ["R1"]), judged("c", .pass), judged("d", .pass),
            judged("e", .warn, broken: ["R2"]), judged("gone", .pass),
        ])
        let new = run([
            judged("a", .note), judged("b", .pass), judged("c", .fail, broken: ["R1", "R3"]), judged("d", .skip),
            judged("e", .error), judged("fresh", .fail, broken: ["R9"]),
        ])
        let difference = try RunDifference(old: old, new: new)
        #expect(difference.verdictChanges.map(\.caseID) == ["c", "e", "b", "a", "d"])
        #expect(difference.verdictChanges.map(\.direction) == [.regression, .regression, .fix, .change, .change])
        #expect(difference.regressions.first?.broken == ["R1", "R3"])
        #expect(difference.regressions.first?.reason == "c broke R1")
        #expect(difference.regressions.last?.reason == "no answer in time")
        #expect(difference.fixes.first?.fixed == ["R1"])
        #expect(difference.newCases.map(\.caseID) == ["fresh"])
        #expect(difference.removedCases.map(\.caseID) == ["gone"])
        // e became ERROR: its requirements were not judged, so R2 is not "fixed"; the new case's R9 is not compared.
        #expect(difference.requirements.map(\.requirement) == ["R1", "R3", "R1"])
        #expect(difference.requirements.map(\.change) == [.broken, .broken, .fixed])
        #expect(difference.requirements.map(\.cases) == [["c"], ["c"], ["b"]])
        #expect(difference.hasRegression)
        #expect(difference.headline.hasPrefix("Regression: 2 regressions, 1 fix, 2 other verdict changes"))
    }

    @Test func aRequirementNewlyBrokenInACaseThatAlreadyFailedIsARegression() throws {
        let old = run([judged("a", .fail, broken: ["R1"])])
        let new = run([judged("a", .fail, broken: ["R1", "R2"])])
        let difference = try RunDifference(old: old, new: new)
        #expect(difference.verdictChanges.isEmpty)
        #expect(difference.requirements.map(\.requirement) == ["R2"])
        #expect(difference.fails(.regression))
    }

    @Test func onlyFixesDoNotFailTheRegressionGate() throws {
        let difference = try RunDifference(
            old: run([judged("a", .fail, broken: ["R1"])]), new: run([judged("a", .pass)]))
        #expect(!difference.fails(.regression))
        #expect(difference.fails(.change))
    }

    @Test func differentCatalogsAreRefusedUnlessAllowedThenChangedCasesAreListed() throws {
        let old = run([judged("a", .pass, digest: "1"), judged("b", .pass, digest: "2")], digest: "catalog-1")
        let new = run([judged("a", .pass, digest: "1"), judged("b", .pass, digest: "3")], digest: "catalog-2")
        #expect(throws: RunDifference.CatalogMismatch.self) { try RunDifference(old: old, new: new) }
        do {
            _ = try RunDifference(old: old, new: new)
        } catch {
            #expect(error.description.contains("--allow-catalog-change"))
            #expect(error.description.contains("catalog-1"))
        }
        let allowed = try RunDifference(old: old, new: new, options: .init(allowCatalogChange: true))
        #expect(allowed.catalogChanged)
        #expect(allowed.changedDefinitions == ["b"])
        #expect(allowed.verdictChanges.isEmpty)
        #expect(allowed.fails(.change))
        #expect(!allowed.fails(.regression))
    }

    @Test func slowerCasesNeedTheFactorAndTenMilliseconds() throws {
        let old = run([
            judged(
                "a",
                .pass, durationMs: 10), judged("b", .pass, durationMs: 1), judged("c", .pass, durationMs: 40),
        ])
        let new = run([
            judged("a", .pass, durationMs: 31), judged("b", .pass, durationMs: 9), judged("c", .pass, durationMs: 100),
        ])
        #expect(try RunDifference(old: old, new: new).slower.isEmpty)
        let difference = try RunDifference(old: old, new: new, options: .init(slower: 3))
        #expect(difference.slower.map(\.caseID) == ["a"])
        #expect(difference.slower.first?.factor == 3.1)
        #expect(!difference.fails(.regression))
    }

    @Test func shapesShowMembersAddedRemovedAndRetyped() throws {
        let answer = "POST /me/interactions/{id} Accept → 2xx"
        let old = run(
            [judged("a", .pass)],
            shapes: [
                MessageShape(
                    kind: .answer, name: answer, members: ["": ["object"], "/status": ["string"], "/n": ["number"]],
                    examples: ["a"]),
                MessageShape(kind: .notification, name: "Gone on /v2/x", members: ["": ["object"]], examples: ["a"]),
            ])
        let new = run(
            [judged("a", .pass)],
            shapes: [
                MessageShape(
                    kind: .answer, name: answer, members: ["": ["object"], "/n": ["string"], "/extra": ["boolean"]],
                    examples: ["a"])
            ])
        let difference = try RunDifference(old: old, new: new)
        #expect(difference.shapes.map(\.name) == [answer, "Gone on /v2/x"])
        #expect(difference.shapes.map(\.change) == [.changed, .removed])
        #expect(difference.shapes[0].added == [.init(path: "/extra", types: ["boolean"])])
        #expect(difference.shapes[0].removed == [.init(path: "/status", types: ["string"])])
        #expect(difference.shapes[0].retyped == [.init(path: "/n", old: ["number"], new: ["string"])])
        #expect(
            RunDifference.membersText(difference.shapes[0])
                == "added /extra (boolean); removed /status (string); retyped /n number → string")
        #expect(!difference.hasRegression)
    }

    @Test func aReportWithoutShapesSaysSoInsteadOfListingEveryShape() throws {
        let shape = MessageShape(kind: .answer, name: "GET /me → 2xx", members: ["": ["object"]], examples: ["a"])
        let difference = try RunDifference(old: run([], shapes: nil), new: run([], shapes: [shape]))
        #expect(difference.shapes.isEmpty)
        #expect(difference.isEmpty)
        #expect(difference.notes.count == 1)
        #expect(difference.notes.first?.contains("old report records no shapes") == true)
    }

    @Test func shapeLogRecordsMemberPathsWithTypesAndNamesPlaceholders() {
        let body: JSONValue = ["status": "ok", "list": [["id": 1], ["id": "x", "a/b": nil]], "flag": true]
        let members = ShapeLog.members(of: body)
        #expect(members[""] == ["object"])
        #expect(members["/list"] == ["array"])
        #expect(members["/list/*/id"] == ["number", "string"])
        #expect(members["/list/*/a~1b"] == ["null"])
        #expect(members["/flag"] == ["boolean"])
        let interaction = ShapeLog.members(of: ["id": "ix-1", "properties": ["chosen": ["by": "a case"]]])
        #expect(interaction == ["": ["object"], "/id": ["string"], "/properties": ["object"]])
        #expect(ShapeLog.placeholders("/me/interactions/${ix.id}?fields=*") == "/me/interactions/{id}?fields=*")
        #expect(ShapeLog.placeholders("${notificationsURL}/connect") == "{notificationsURL}/connect")
        var log = ShapeLog()
        log.recordAnswer(
            method: "POST", pathTemplate: "/me/interactions/${ix2.id}", operationName: "Accept",
            answer: HTTPAnswer(status: 200), caseID: "a")
        #expect(log.shapes.map(\.name) == ["POST /me/interactions/{id} Accept → 2xx"])
        #expect(log.shapes.first?.members == ["": ["empty"]])
    }

    @Test func aCaseDigestFollowsTheCaseAndThePresetsAndGoldensItNames() throws {
        let node = try YAMLValue.parse(
            "id: a\nsteps:\n  - request: {as: agent1, method: GET, path: /me}\n    expect: [success, {golden: A/x.json}]\n",
            file: "a.yaml")
        let preset = try YAMLValue.parse("- status: 200\n  requirement: R\n", file: "p.yaml")
        let other = try YAMLValue.parse("- status: 201\n  requirement: R\n", file: "p.yaml")
        let digest = CaseDigest.sha256(
            operation: "Accept", node: node, presets: ["success": preset], goldens: ["A/x.json": ["a": 1]])
        #expect(digest.count == 64)
        #expect(
            digest
                == CaseDigest.sha256(
                    operation: "Accept", node: node, presets: ["success": preset, "unused": other],
                    goldens: ["A/x.json": ["a": 1], "B/y.json": [:]]))
        #expect(
            digest
                != CaseDigest.sha256(
                    operation: "Accept", node: node, presets: ["success": other], goldens: ["A/x.json": ["a": 1]]))
        #expect(
            digest
                != CaseDigest.sha256(
                    operation: "Accept", node: node, presets: ["success": preset], goldens: ["A/x.json": ["a": 2]]))
        #expect(
            digest
                != CaseDigest.sha256(
                    operation: "Reject", node: node, presets: ["success": preset], goldens: ["A/x.json": ["a": 1]]))
    }

    @Test func aCaseDigestFollowsAPresetNamedWithAnArgument() throws {
        let node = try YAMLValue.parse(
            "id: a\nsteps:\n  - request: {as: agent2, method: POST, path: /x}\n    expect: {refusedBy: NOT-OWNER}\n",
            file: "a.yaml")
        let refused = try YAMLValue.parse("- status: 403\n  requirement: <ARG>\n", file: "p.yaml")
        let other = try YAMLValue.parse("- status: 400\n  requirement: <ARG>\n", file: "p.yaml")
        #expect(
            CaseDigest.sha256(operation: "Accept", node: node, presets: ["refusedBy": refused], goldens: [:])
                != CaseDigest.sha256(operation: "Accept", node: node, presets: ["refusedBy": other], goldens: [:]))
    }

    @Test func mergingShardsUnitesTheirShapes() {
        let first = run(
            [judged("a", .pass)],
            shapes: [MessageShape(kind: .answer, name: "GET /me → 2xx", members: ["/x": ["string"]], examples: ["a"])])
        let second = run(
            [judged("b", .pass)],
            shapes: [MessageShape(kind: .answer, name: "GET /me → 2xx", members: ["/x": ["null"]], examples: ["b"])])
        let merged = RunMerge.merge([first, second], catalogOrder: ["a", "b"])
        #expect(
            merged.shapes == [
                MessageShape(
                    kind: .answer, name: "GET /me → 2xx", members: ["/x": ["null", "string"]], examples: ["a", "b"])
            ])
    }

    @Test func onlyWaiversThatWentStaleInTheNewRunAreListed() throws {
        var old = run([judged("a", .pass)])
        old.staleWaivers = ["a / R1: the deviation no longer happens"]
        var new = old
        new.staleWaivers = old.staleWaivers! + ["a / R2: the deviation no longer happens"]
        let difference = try RunDifference(old: old, new: new)
        #expect(difference.staleWaivers == ["a / R2: the deviation no longer happens"])
        #expect(!difference.hasRegression)
        #expect(difference.fails(.change))
    }
}

/// Issue 27: what matters comes first, and what a changed reading explains is told once under that reading.
struct DifferenceBySeverityTests {
    private func withRefusals(_ results: [CaseResult], _ alternative: String) -> RunResult {
        var result = run(
            results.map { testCase in
                var testCase = testCase
                if testCase.id.hasPrefix("refused") { testCase.readings = ["refusal-status": [alternative]] }
                return testCase
            })
        let count = results.filter { $0.id.hasPrefix("refused") }.count
        result.readings = [
            ReadingReport(
                name: "refusal-status", title: "HTTP status of a refused request", requirement: "ERROR-HTTP-4XX",
                observable: true, observedBy: "refusals", unit: "cases",
                alternatives: [
                    .init(name: "4xx", description: "a 4xx", count: alternative == "4xx" ? count : 0, examples: []),
                    .init(
                        name: "200", description: "a 200", level: .should, count: alternative == "200" ? count : 0,
                        examples: []),
                ])
        ]
        return result
    }

    @Test func regressionsComeWorstFirstAndAReadingsChangesAreGroupedUnderIt() throws {
        let refused = (1...5).map { "refused-\($0)" }
        var old = withRefusals(
            refused.map { judged($0, .pass) } + [
                judged("warned", .pass), judged("errored", .pass), judged("failed", .pass),
            ],
            "4xx")
        // A refusal judged by a bare `refused: true` records the reading only once it is answered 200.
        old.cases[4].readings = nil
        let new = withRefusals(
            refused.map { judged($0, .warn, broken: ["ERROR-HTTP-4XX"]) }
                + [
                    judged("warned", .warn, broken: ["R2"]), judged("errored", .error),
                    judged("failed", .fail, broken: ["R1"]),
                ],
            "200")
        let difference = try RunDifference(old: old, new: new)
        // FAIL, then ERROR, then WARN; the five the reading explains last.
        #expect(difference.verdictChanges.map(\.caseID) == ["failed", "errored", "warned"] + refused)
        #expect(difference.unexplainedChanges.map(\.caseID) == ["failed", "errored", "warned"])
        #expect(difference.verdictChanges.suffix(5).allSatisfy { $0.explainedBy == "refusal-status" })
        #expect(difference.explainedGroups.count == 1)
        #expect(
            RunDifference.groupText(difference.explainedGroups[0])
                == "5 cases PASS → WARN on ERROR-HTTP-4XX: refusal-status changed from 4xx to 200")
        #expect(difference.headline.hasPrefix("Regression: 8 regressions (5 explained by a changed reading)"))

        // A case that saw the reading change but also broke another requirement is not explained by it.
        var mixed = new
        mixed.cases[0].deviations.append(
            Deviation(requirement: "R7", level: .must, pointer: "", expected: "x", actual: "y", message: "broke R7"))
        mixed.cases[0].verdict = .fail
        let unexplained = try RunDifference(old: old, new: mixed)
        #expect(unexplained.verdictChanges.first?.caseID == "refused-1")
        #expect(unexplained.verdictChanges.first?.explainedBy == nil)

        // Each rendering puts the real regressions in its first table and the group in its own.
        let markdown = DifferenceMarkdown.render(difference)
        let firstRow = try #require(markdown.range(of: "| failed | PASS | FAIL |"))
        let group = try #require(markdown.range(of: "5 cases PASS → WARN on ERROR-HTTP-4XX"))
        #expect(firstRow.lowerBound < group.lowerBound)
        #expect(!markdown.contains("| refused-1 | PASS"))
        let html = DifferenceHTML.render(difference)
        #expect(html.contains("5 cases PASS → WARN on ERROR-HTTP-4XX"))
        // Long reasons wrap inside the page instead of widening it past the window.
        #expect(html.contains("text-align: left; vertical-align: top; overflow-wrap: anywhere;"))
    }
}

/// Issue 27: `merge` proves its reports are the shards of one run.
struct MergeCheckTests {
    private func shard(_ ids: [String], _ index: Int, of count: Int, filters: [String] = []) -> RunResult {
        var result = run(ids.map { judged($0, .pass) })
        result.selection = RunSelection(
            filters: filters, mediaTypes: [], shard: RunSelection.Shard(index: index, count: count))
        return result
    }

    @Test func overlapsOldReportsAndLostCasesAreFound() {
        let all = ["a", "b", "c", "d"]
        let selected = { (_: RunSelection) -> [String]? in all }
        let whole = RunMerge.check(
            [
                .init(path: "1.json", run: shard(["a", "c"], 1, of: 2)),
                .init(path: "2.json", run: shard(["b", "d"], 2, of: 2)),
            ],
            catalogDigest: "catalog-1", selected: selected)
        #expect(whole.isEmpty)

        let overlap = RunMerge.check(
            [
                .init(path: "1.json", run: shard(["a", "c"], 1, of: 2)),
                .init(path: "2.json", run: shard(["c", "d"], 2, of: 2)),
            ],
            catalogDigest: "catalog-1", selected: selected)
        #expect(overlap.refusals == ["case c is in both 1.json and 2.json"])

        // A shard that lost a case although it says it is complete.
        let lost = RunMerge.check(
            [
                .init(path: "1.json", run: shard(["a"], 1, of: 2)),
                .init(path: "2.json", run: shard(["b", "d"], 2, of: 2)),
            ],
            catalogDigest: "catalog-1", selected: selected)
        #expect(lost.refusals.isEmpty)
        #expect(lost.gaps == ["1 selected case no shard ran (c)"])

        // A report written before shards were recorded cannot prove anything.
        var old = shard(["b", "d"], 2, of: 2)
        old.selection = nil
        let unrecorded = RunMerge.check(
            [.init(path: "1.json", run: shard(["a", "c"], 1, of: 2)), .init(path: "old.json", run: old)],
            catalogDigest: "catalog-1", selected: selected)
        #expect(unrecorded.gaps == ["old.json does not record which shard it is (written by an older suite)"])

        // Another catalog than the suite's own.
        let foreign = RunMerge.check(
            [
                .init(path: "1.json", run: shard(["a", "c"], 1, of: 2)),
                .init(path: "2.json", run: shard(["b", "d"], 2, of: 2)),
            ],
            catalogDigest: "catalog-2", selected: selected)
        #expect(foreign.refusals.count == 1)
        #expect(foreign.refusals.first?.contains("this suite's is catalog-2") == true)

        // A loopback port differs per shard; the target is the same.
        var moved = shard(["b", "d"], 2, of: 2)
        moved.target.baseURL = "http://127.0.0.1:2/api/v2"
        #expect(
            RunMerge.check(
                [.init(path: "1.json", run: shard(["a", "c"], 1, of: 2)), .init(path: "2.json", run: moved)],
                catalogDigest: "catalog-1", selected: selected
            ).isEmpty)
    }
}
