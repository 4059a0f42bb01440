import AsyncHTTPClient
import EmbeddedTarget
import Testing

@testable import ConformanceKit

/// The catalog catches every deviation switch of the reference server, by the requirement it breaks, and
/// flags nothing on the conformant-but-different variant.
@Suite(.timeLimit(.minutes(5))) struct SelfTestTests {
    @Test func everySwitchIsKilledByItsRequirementAndTheVariantIsClean() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let result: (outcomes: [MutationTest.Outcome], variant: RunResult)
        do {
            result = try await EmbeddedTarget.selfTest(
                catalog: catalog,
                jobs: 4,
                httpClient: httpClient,
                notificationTimeout: .seconds(2)
            )
            try await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        #expect(result.outcomes.count == EmbeddedTarget.switches.count)
        #expect(result.outcomes.count >= 20)
        for outcome in result.outcomes {
            #expect(outcome.killed, "\(outcome.name) survived")
            #expect(outcome.rightReason, "\(outcome.name) expected \(outcome.expected), got \(outcome.broken)")
        }
        let failing = result.variant.cases.filter { $0.verdict == .fail || $0.verdict == .error }
        #expect(failing.isEmpty, "\(failing.map { "\($0.id): \($0.deviations.map(\.message)) \($0.error ?? "")" })")
        #expect(result.variant.summary.total == catalog.cases.count)
    }

    @Test func aSurvivorIsReportedAsSuch() {
        let mutation = MutationTest.Switch(name: "x", summary: "", expected: ["R-ONE"])
        let clean = RunResult(
            target: .init(name: "t", baseURL: "u"),
            cases: [CaseResult(id: "c", operation: "o", title: "", requirements: [], verdict: .pass)],
            startedAt: .now,
            durationMs: 1
        )
        let outcome = MutationTest.outcome(mutation, clean)
        #expect(!outcome.killed)
        #expect(!outcome.rightReason)
        #expect(MutationTest.table([outcome]).contains("SURVIVED"))
        #expect(
            MutationTest.table([outcome]).hasSuffix("Mutation score: 0/1 killed by the requirement they break (0%)"))
    }
}
