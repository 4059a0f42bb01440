import Foundation
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// `conformance diff` on pairs of reports from the real runner against the embedded reference server, each written
/// as JSON and read back as the command reads it.
@Suite(.timeLimit(.minutes(5))) struct DiffEndToEndTests {
    /// One clean run, shared by the tests that compare against it (and with the other suites: `sharedRun`).
    static let clean = Task { try saved(await sharedRun()) }

    /// The run as a saved report reads back.
    static func saved(_ run: RunResult) throws -> RunResult {
        try JSONDecoder().decode(RunResult.self, from: ReportWriter.render(run, as: .json))
    }

    @Test func theSameReportTwiceGivesNoDifference() async throws {
        let clean = try await Self.clean.value
        let difference = try RunDifference(old: clean, new: clean, options: .init(slower: 3))
        #expect(difference.isEmpty)
        #expect(!difference.fails(.change))
        #expect(!difference.fails(.regression))
        #expect(difference.notes.isEmpty)
        #expect(difference.headline.hasPrefix("No difference"))
        #expect(!(clean.shapes ?? []).isEmpty)
        // Every case carries the digest of its definition, and no two cases share one.
        let digests = clean.cases.compactMap(\.caseDigest)
        #expect(digests.count == clean.cases.count)
        #expect(Set(digests).count == digests.count)
        #expect(clean.shapes?.contains { $0.name == "POST /me/interactions/{id} Accept → 2xx" } == true)
    }

    @Test func aDeviationSwitchListsTheCasesItBreaksAndTheRequirement() async throws {
        let clean = try await Self.clean.value
        let broken = try Self.saved(await sharedRun(deviations: ["leave-conference-only"]))
        let difference = try RunDifference(old: clean, new: broken)
        #expect(clean.cases.allSatisfy { $0.verdict == .pass })
        #expect(difference.regressions.map(\.caseID) == DiffExpectations.leaveConferenceOnlyCases)
        // The case that sends the sample's name now sees it accepted: a reading, so a NOTE, not a regression.
        #expect(difference.otherChanges.map(\.caseID) == ["endconference-sample-name"])
        #expect(difference.otherChanges.map(\.new) == [.note])
        #expect(difference.otherChanges.first?.reason?.contains("LeaveConference") == true)
        #expect(difference.readings.map(\.reading) == ["leaveconference-alias"])
        #expect(difference.regressions.allSatisfy { $0.old == .pass && $0.new == .fail })
        #expect(difference.regressions.allSatisfy { $0.broken == ["ENDCONFERENCE-NAME"] })
        #expect(difference.requirements.map(\.requirement) == ["ENDCONFERENCE-NAME"])
        #expect(difference.requirements.first?.change == .broken)
        #expect(difference.requirements.first?.cases == DiffExpectations.leaveConferenceOnlyCases)
        #expect(difference.newCases.isEmpty && difference.removedCases.isEmpty && difference.fixes.isEmpty)
        #expect(difference.fails(.regression))
        // The other way round, the same cases are fixes, and nothing regresses.
        let back = try RunDifference(old: broken, new: clean)
        #expect(back.fixes.map(\.caseID) == DiffExpectations.leaveConferenceOnlyCases)
        #expect(back.requirements.map(\.change) == [.fixed])
        #expect(!back.fails(.regression))
        #expect(back.fails(.change))
    }

    @Test func aChangedReadingIsListedWithItsCasesAndIsNoRegression() async throws {
        let clean = try await Self.clean.value
        let other = try Self.saved(await runCatalog(readings: ["transfer-ownership=at-once"]))
        let difference = try RunDifference(old: clean, new: other)
        let change = try #require(difference.readings.first { $0.reading == "transfer-ownership" })
        #expect(difference.readings.map(\.reading) == ["transfer-ownership"])
        #expect(change.old == ["on-accept"])
        #expect(change.new == ["at-once"])
        #expect(change.requirement == "TRANSFER-OWNERSHIP")
        #expect(!change.cases.isEmpty)
        #expect(change.cases.allSatisfy { $0.old == ["on-accept"] && $0.new == ["at-once"] })
        #expect(!difference.hasRegression)
        #expect(difference.fails(.change))
    }

    @Test func theVariantShowsShapeChangesWithoutRegressions() async throws {
        let clean = try await Self.clean.value
        let variant = try Self.saved(await sharedRun(variant: true))
        let difference = try RunDifference(old: clean, new: variant)
        #expect(difference.regressions.isEmpty)
        #expect(difference.requirements.allSatisfy { $0.change != .broken })
        #expect(!difference.fails(.regression))
        let added = difference.shapes.flatMap(\.added).map(\.path)
        #expect(!added.isEmpty)
        #expect(added.contains { $0.hasSuffix(DiffExpectations.variantExtraMember) })
        #expect(difference.fails(.change))
    }
}

/// What the runs above are known to show, written out so that the tests check real values.
enum DiffExpectations {
    /// The cases that FAIL when the server knows EndConference only as "LeaveConference".
    static let leaveConferenceOnlyCases = ["endconference-two-agents", "endconference-three-agents-story"]
    static let variantExtraMember = "/serverTime"
}
