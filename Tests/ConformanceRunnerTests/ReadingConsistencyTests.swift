import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// A reading seen followed both ways in one run weighs on the verdict: a WARN on the less common side.
@Suite struct ReadingConsistencyTests {
    static let reading = ReadingDefinition(
        name: "transfer-ownership", title: "When a transferred interaction changes owner",
        requirement: "TRANSFER-OWNERSHIP",
        alternatives: [.init(name: "on-accept", description: "on accept"), .init(name: "at-once", description: "now")],
        observedBy: "x")
    static let catalog = Catalog(
        requirements: [Requirement(id: "READING-CONSISTENT", level: .should, section: "S", quote: "Q")], cases: [],
        goldens: [:])

    static func result(_ id: String, _ alternative: String?) -> CaseResult {
        CaseResult(
            id: id, operation: "Transfer", title: id, requirements: ["TRANSFER-OWNERSHIP"], verdict: .pass,
            readings: alternative.map { ["transfer-ownership": [$0]] })
    }

    @Test func aMixedReadingWarnsTheLessCommonSideNamingBothSides() throws {
        let results = ReadingConsistency.judge(
            [
                Self.result("a", "at-once"), Self.result("b", "on-accept"), Self.result("c", "at-once"),
                Self.result("d", nil),
            ],
            readings: [Self.reading], catalog: Self.catalog)
        #expect(results.map(\.verdict) == [.pass, .warn, .pass, .pass])
        let deviation = try #require(results[1].deviations.first)
        #expect(deviation.requirement == "READING-CONSISTENT")
        #expect(deviation.level == .should)
        #expect(deviation.message.contains("transfer-ownership=on-accept in b"))
        #expect(deviation.message.contains("transfer-ownership=at-once in a, c"))
        #expect(results[1].requirements.contains("READING-CONSISTENT"))
    }

    @Test func aReadingFollowedOneWayChangesNothing() {
        let given = [Self.result("a", "at-once"), Self.result("b", "at-once")]
        let results = ReadingConsistency.judge(given, readings: [Self.reading], catalog: Self.catalog)
        #expect(results == given)
    }
}
