import AsyncHTTPClient
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import EmbeddedTarget

/// The catalog catches every deviation switch of the reference server, by the requirement it breaks, and
/// flags nothing on the conformant-but-different variant.
@Suite(.timeLimit(.minutes(10))) struct SelfTestTests {
    @Test func everySwitchIsCaughtByItsRequirementAndEveryReadingAndTheVariantAreClean() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let result: EmbeddedTarget.SelfTestResult
        do {
            result = try await EmbeddedTarget.selfTest(
                catalog: catalog,
                jobs: 8,
                httpClient: httpClient,
                quick: true,
                notificationTimeout: .seconds(2)
            )
            try await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        #expect(result.outcomes.count == EmbeddedTarget.switchNames.count)
        #expect(result.outcomes.count >= 55)
        // Every MUST requirement the catalog asserts is broken by a switch, and the selftest saw it caught.
        #expect(MutationCoverage.uncovered(catalog, outcomes: result.outcomes).map(\.id) == [])
        for outcome in result.outcomes {
            #expect(
                outcome.caught, "\(outcome.name) (\(outcome.level)) expected \(outcome.expected), got \(outcome.broken)"
            )
            if outcome.level == .must {
                // Killed means exit 1 in a default run, with the requirement among the FAIL deviations.
                #expect(outcome.killed && outcome.summary.fail > 0, "\(outcome.name)")
            }
        }
        #expect(
            result.outcomes.filter { $0.level == .should }.map(\.name).sorted() == [
                "duplicate-notifications", "error-status-200", "success-body-mixed", "transfer-notifies-nobody",
            ])
        #expect(
            result.readings.count
                == EmbeddedTarget.readingConfigurations.count + EmbeddedTarget.deploymentConfigurations.count)
        for reading in result.readings {
            #expect(reading.clean, "\(reading.name): \(reading.failing) \(reading.problem ?? "")")
            // A run against one observable alternative reports exactly that alternative.
            if reading.readings.count == 1, let observation = Observation(reading.readings[0]),
                catalog.reading(observation.reading)?.observable == true
            {
                #expect(reading.reported[observation.reading] == [observation.alternative], "\(reading.name)")
            }
        }
        let failing = result.variant.cases.filter { $0.verdict == .fail || $0.verdict == .error }
        #expect(failing.isEmpty, "\(failing.map { "\($0.id): \($0.deviations.map(\.message)) \($0.error ?? "")" })")
        #expect(result.variant.summary.total == catalog.cases.count)
    }

    /// The holes this suite once let through, each a switch: caught under every configuration of the server (the
    /// default readings, each alternative alone, all at once, the variant), and on each operation it breaks. One
    /// selftest for all of them, so that the runs share the processors with the other tests in a bounded way.
    @Test func holesThatOnceSlippedThroughAreCaughtUnderEveryConfiguration() async throws {
        let switches = [
            "refusals-carried-out", "strangers-told-nested", "unknown-operation-server-error",
            "interaction-details-missing", "foreign-action-allowed", "accept-leaves-invited",
            "workbin-string-server-error",
        ]
        let catalog = try Catalog.load(root: repositoryRoot)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let result: EmbeddedTarget.SelfTestResult
        do {
            result = try await EmbeddedTarget.selfTest(
                catalog: catalog, jobs: 6, httpClient: httpClient, only: switches, readings: false,
                notificationTimeout: .seconds(2))
            try await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        #expect(result.matrix.count == switches.count * EmbeddedTarget.switchConfigurations(quick: false).count)
        for run in result.matrix {
            #expect(
                run.caught, "\(run.name) under \(run.configuration ?? "default"): \(run.broken) \(run.missedSites)")
        }
        #expect(result.outcomes.map(\.name).sorted() == switches.sorted())
        #expect(result.outcomes.allSatisfy { $0.caught })
    }

    @Test func aSwitchCaughtUnderOneConfigurationOnlySurvives() {
        func outcome(_ configuration: String, killed: Bool) -> MutationTest.Outcome {
            var outcome = MutationTest.Outcome(
                name: "x", level: .must, killed: killed, warned: false, rightReason: killed, broken: [],
                expected: ["R"], summary: RunResult.Summary([]), durationMs: 1, problem: nil)
            outcome.configuration = configuration
            return outcome
        }
        let matrix = [
            outcome("default", killed: true), outcome("a=b", killed: false), outcome("variant", killed: true),
        ]
        let combined = MutationTest.combine(matrix)
        #expect(combined.count == 1)
        #expect(combined.first?.survivedUnder == ["a=b"])
        #expect(combined.first?.caught == false)
        #expect(MutationTest.table(combined).contains("survived under a=b"))
        let table = MutationTest.matrixTable(
            matrix,
            configurations: ["default", "a=b", "variant"].map { ReadingMatrix.Configuration(name: $0, readings: []) })
        #expect(table.contains("x        k  S  k"))
        #expect(table.hasSuffix("Caught in every configuration: 0/1 switches"))
    }

    @Test func coverageListsTheAssertedMustRequirementsNoSwitchWasSeenBreaking() {
        let catalog = Catalog(
            requirements: [
                Requirement(id: "R-BROKEN", level: .must, section: "1", quote: "q"),
                Requirement(id: "R-UNBROKEN", level: .must, section: "2", quote: "q"),
                Requirement(id: "R-SHOULD", level: .should, section: "3", quote: "q"),
            ],
            cases: [
                ConformanceCase(
                    id: "c", operation: "o", title: "", requirements: [], given: [],
                    steps: [
                        .request(
                            RequestStep(
                                request: RequestTemplate(credentials: .role("agent1"), method: "GET", path: "/"),
                                checks: ["R-BROKEN", "R-UNBROKEN", "R-SHOULD"].map {
                                    Check(kind: .status(.exactly([200])), requirement: $0, alternatives: [])
                                }, captures: []))
                    ], file: "f", line: 1, agentsNeeded: 1)
            ], goldens: [:])
        let seen = MutationTest.Outcome(
            name: "s", level: .must, killed: true, warned: false, rightReason: true, broken: ["R-BROKEN"],
            expected: ["R-BROKEN", "R-UNBROKEN"], summary: RunResult.Summary([]), durationMs: 1, problem: nil)
        #expect(MutationCoverage.uncovered(catalog, outcomes: [seen]).map(\.id) == ["R-UNBROKEN"])
        #expect(MutationCoverage.report(catalog, outcomes: [seen]).contains("  R-UNBROKEN (2)"))
    }

    @Test func aWarnIsNotAKillAndARequirementElsewhereIsNotTheRightReason() {
        let mutation = MutationTest.Switch(name: "x", summary: "", expected: ["R-MUST"])
        let clause = RunResult.Clause(Requirement(id: "R-MUST", level: .must, section: "1", quote: "q"))
        func run(_ deviations: [Deviation]) -> RunResult {
            let verdict = CaseResult.verdict(deviations: deviations, notes: [], error: nil)
            return RunResult(
                target: .init(name: "t", baseURL: "u"),
                cases: [
                    CaseResult(
                        id: "c", operation: "o", title: "", requirements: ["R-MUST"], verdict: verdict,
                        deviations: deviations)
                ],
                startedAt: .now, durationMs: 1, clauses: ["R-MUST": clause]
            )
        }
        func deviation(_ requirement: String, _ level: RequirementLevel) -> Deviation {
            Deviation(requirement: requirement, level: level, pointer: "", expected: "", actual: "", message: "")
        }
        // The expected requirement broken only as a SHOULD-level deviation does not kill a MUST switch.
        let warned = MutationTest.outcome(mutation, run([deviation("R-MUST", .should)]))
        #expect(!warned.killed && !warned.caught)
        // A FAIL for another requirement does not either.
        let elsewhere = MutationTest.outcome(mutation, run([deviation("R-OTHER", .must)]))
        #expect(!elsewhere.killed && !elsewhere.rightReason)
        let killed = MutationTest.outcome(mutation, run([deviation("R-MUST", .must)]))
        #expect(killed.killed && killed.caught)
        // A switch that breaks two operations is caught only when cases of both report it.
        let twoSites = MutationTest.Switch(name: "x", summary: "", expected: ["R-MUST"], sites: ["o", "p"])
        let oneSite = MutationTest.outcome(twoSites, run([deviation("R-MUST", .must)]))
        #expect(oneSite.killed && !oneSite.caught && oneSite.missedSites == ["p"])
        #expect(MutationTest.table([oneSite]).contains("SURVIVED"))
        #expect(MutationTest.table([oneSite]).contains("not caught on p"))
        #expect(
            MutationTest.outcome(
                MutationTest.Switch(name: "x", summary: "", expected: ["R-MUST"], sites: ["o"]),
                run([deviation("R-MUST", .must)])
            ).caught)
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
