import AsyncHTTPClient
import Foundation
import ReferenceServer
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// Cases lease exactly the agents they use: how many, which ones, and in which order cases start.
struct AgentLeasesTests {
    @Test func aLeaseIsTheFirstRunOfConsecutiveFreeAgents() {
        var leases = AgentLeases(agents: 4)
        #expect(leases.lease(1) == [0])
        #expect(leases.lease(3) == [1, 2, 3])
        #expect(leases.lease(1) == nil)
        leases.release([0])
        #expect(leases.lease(2) == nil)
        #expect(leases.lease(1) == [0])
        leases.release([1, 2, 3])
        leases.release([0])
        #expect(leases.lease(2) == [0, 1])
        #expect(leases.lease(2) == [2, 3])
    }

    @Test func aLeaseSkipsPastABusyAgentToFindARun() {
        var leases = AgentLeases(agents: 6)
        #expect(leases.lease(1) == [0])
        #expect(leases.lease(1) == [1])
        leases.release([0])
        // Agent 0 is free again, but 0..2 is not a free run (1 is busy): the run starts after it.
        #expect(leases.lease(3) == [2, 3, 4])
        #expect(leases.lease(1) == [0])
        #expect(leases.lease(1) == [5])
    }

    @Test func theAgentsACaseNeedsAreTheHighestItNamesAsARoleOrInATemplate() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let need = Dictionary(uniqueKeysWithValues: catalog.cases.map { ($0.id, $0.agentsNeeded) })
        #expect(need["accept-unknown-id"] == 1)
        #expect(need["accept-without-credentials"] == 1)
        // agent2 only ever appears in an absence check.
        #expect(need["accept-other-agents-invitation"] == 2)
        // A rejected invitation may go to any agent but agent1: the case holds the whole profile.
        let reject = try #require(catalog.cases.first { $0.id == "reject-invited" })
        #expect(reject.wholeProfile)
        let watched = reject.resolvingAgentSets(agents: 5).steps.compactMap { step -> [String]? in
            guard case .notification(let expectation) = step else { return nil }
            return expectation.alternatives.first?.agents
        }
        #expect(watched == [["agent2", "agent3", "agent4", "agent5"]])
        #expect(catalog.cases.filter(\.wholeProfile).map(\.id) == ["reject-invited"])
        #expect(Set(need.values) == [1, 2, 3])
        for testCase in catalog.cases {
            let numbers = testCase.roles.compactMap { Int($0.dropFirst("agent".count)) }
            #expect(testCase.agentsNeeded >= numbers.max() ?? 1, "\(testCase.id)")
        }
    }

    @Test func templatesCountAsReferences() {
        #expect(AgentReferences.highest(in: "agent2") == 2)
        #expect(AgentReferences.highest(in: #"{"targetId":"${agent3.id}"}"#) == 3)
        #expect(AgentReferences.highest(in: "${agent1.username} and ${agent2.id}") == 2)
        #expect(AgentReferences.highest(in: "agentId") == 0)
        #expect(AgentReferences.highest(in: "agent2x") == 0)
        #expect(AgentReferences.highest(in: "${agent}") == 0)
    }

    @Test func parallelRunsStartTheBiggestCasesFirstAndSerialRunsKeepCatalogOrder() throws {
        let cases = try Catalog.load(root: repositoryRoot).cases
        #expect(Runner.schedule(cases, jobs: 1) == Array(cases.indices))
        let order = Runner.schedule(cases, jobs: 4)
        #expect(Set(order) == Set(cases.indices))
        let sizes = order.map { cases[$0].agentsNeeded * cases[$0].expectedExchanges }
        #expect(sizes == sizes.sorted(by: >))
    }

    /// Three agents and three jobs: single-agent cases share the profile three at once (with whole groups of
    /// three, only one case could run); the verdicts are those of a serial run.
    @Test func threeAgentsRunThreeSingleAgentCasesAtOnceWithTheSerialVerdicts() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let serial = try await run(catalog, jobs: 1, httpClient: httpClient)
        let parallel = try await run(catalog, jobs: 3, httpClient: httpClient)
        try await httpClient.shutdown()
        #expect(parallel.cases.map(\.id) == catalog.cases.map(\.id))
        #expect(parallel.cases.map(\.verdict) == serial.cases.map(\.verdict))
        #expect(parallel.cases.allSatisfy { $0.verdict == .pass })
        #expect(parallel.cases.map(\.exchanges) == serial.cases.map(\.exchanges))
    }

    func run(_ catalog: Catalog, jobs: Int, httpClient: HTTPClient) async throws -> RunResult {
        try await ReferenceServer.withRunning(.generated()) { server in
            var profile = try TargetProfile.parse(yaml: server.profileYAML(name: "three agents"), file: "embedded")
            profile.timeouts.notification = .seconds(10)
            profile.mediaTypes = ["email"]
            return try await Runner(catalog: catalog, profile: profile, options: RunOptions(jobs: jobs))
                .run(httpClient: httpClient) { _ in }
        }
    }
}
