import ConformanceJSON
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

@Suite struct CertificationTests {
    func run(_ cases: [CaseResult]) -> RunResult {
        RunResult(target: .init(name: "t", baseURL: "u"), cases: cases, startedAt: .now, durationMs: 1)
    }

    func failing(_ id: String, _ requirement: String, level: RequirementLevel = .must) -> CaseResult {
        let deviation = Deviation(
            requirement: requirement,
            level: level,
            pointer: "/status",
            expected: "\"ok\"",
            actual: "\"OK\"",
            message: "differs"
        )
        return CaseResult(
            id: id,
            operation: "Accept",
            title: id,
            requirements: [requirement],
            verdict: level == .must ? .fail : .warn,
            deviations: [deviation]
        )
    }

    @Test func waiversTurnDeviationsIntoWaivedAndReportStaleOnes() {
        let original = run([
            failing("a", "R-1"), failing("b", "R-2"),
            CaseResult(id: "c", operation: "Accept", title: "", requirements: [], verdict: .pass),
        ])
        let baseline = Baseline(waivers: [
            .init(caseID: "a", requirement: "R-1", reason: "vendor ticket 12"),
            .init(caseID: "c", requirement: "R-9", reason: "fixed long ago"),
        ])
        let judged = baseline.apply(to: original)
        #expect(judged.cases.map(\.verdict) == [.waived, .fail, .pass])
        #expect(judged.cases[0].waived?.first?.waiver == "vendor ticket 12")
        #expect(judged.cases[0].deviations.isEmpty)
        #expect(judged.summary.waived == 1)
        #expect(judged.summary.fail == 1)
        #expect(judged.staleWaivers?.count == 1)
        #expect(judged.staleWaivers?.first?.hasPrefix("c / R-9") == true)
        let onlyWaived = Baseline(waivers: [.init(caseID: "a", requirement: "R-1", reason: "x")])
            .apply(to: run([failing("a", "R-1")]))
        #expect(onlyWaived.exitCode(strict: false) == 0)
        #expect(judged.exitCode(strict: false) == 1)
        let staleOnly = Baseline(waivers: [.init(caseID: "c", requirement: "R-9", reason: "x")])
            .apply(to: run([CaseResult(id: "c", operation: "Accept", title: "", requirements: [], verdict: .pass)]))
        #expect(staleOnly.exitCode(strict: false) == 0)
        #expect(staleOnly.exitCode(strict: true) == 1)
    }

    @Test func expiredWaiversNoLongerApply() {
        let baseline = Baseline(waivers: [.init(caseID: "a", requirement: "R-1", reason: "x", expires: "2020-01-31")])
        let judged = baseline.apply(to: run([failing("a", "R-1")]))
        #expect(judged.cases[0].verdict == .fail)
        #expect(judged.expiredWaivers?.first?.contains("expired on 2020-01-31") == true)
    }

    @Test func aBaselineRoundTripsThroughItsYAML() throws {
        let written = Baseline.from(run([failing("a", "R-1"), failing("b", "R-2", level: .should)]))
        #expect(written.waivers.map(\.caseID) == ["a", "b"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try written.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Baseline.load(path: path) == written)
        try "waivers:\n  - {case: a, requirement: R, reason: x, expires: soon}\n".write(
            toFile: path,
            atomically: true,
            encoding: .utf8
        )
        #expect(throws: InputFileError.self) { try Baseline.load(path: path) }
    }

    @Test func shardsPartitionTheSelectionAndMergeBackInCatalogOrder() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let shards = (1...3).map { index in
            var options = RunOptions()
            options.shard = (index, 3)
            return options.select(catalog.cases).map(\.id)
        }
        #expect(Set(shards.flatMap { $0 }).count == catalog.cases.count)
        #expect(shards.map(\.count).reduce(0, +) == catalog.cases.count)
        let results = shards.map { ids in
            run(ids.map { CaseResult(id: $0, operation: "o", title: "", requirements: [], verdict: .pass) })
        }
        let merged = RunMerge.merge(results.reversed(), catalogOrder: catalog.cases.map(\.id))
        #expect(merged.cases.map(\.id) == catalog.cases.map(\.id))
        #expect(merged.summary.total == catalog.cases.count)
        #expect(RunOptions.shard("2/3")! == (2, 3))
        #expect(RunOptions.shard("4/3") == nil)
        #expect(RunOptions.shard("0/3") == nil)
    }

    @Test func recordedGoldensTemplateVolatileValues() {
        let body: JSONValue = [
            "statusCode": 0,
            "uris": [
                "http://127.0.0.1:1/api/v2/interactions/other000001",
                "http://127.0.0.1:1/api/v2/interactions/abc123XYZ",
            ],
            "interactions": [["id": "abc123XYZ", "startedAt": "2026-11-25T10:00:00Z"], ["id": "other000001"]],
        ]
        let generalized = GoldenRecorder.generalize(body, variables: ["ix.id": "abc123XYZ", "baseURL": "http://h"])
        #expect(
            generalized == [
                "statusCode": 0,
                "uris": ["$contains": ["$regex:https?://[^\\s]+/api/v2/interactions/${ix.id}"]],
                "interactions": ["$contains": [["id": "${ix.id}", "startedAt": "$string"]]],
            ]
        )
        let pattern = try? JSONPattern(reading: Template.substitute(generalized, ["ix.id": "abc123XYZ"]))
        #expect(pattern.map { JSONMatcher.match($0, body).isMatch } == true)
        #expect(GoldenRecorder.lineDiff(old: "a\nb\nc\n", new: "a\nx\nc\n") == ["  a", "- b", "+ x", "  c"])
    }
}
