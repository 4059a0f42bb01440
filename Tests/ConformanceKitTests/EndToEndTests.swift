import AsyncHTTPClient
import EmbeddedTarget
import Foundation
import Testing

@testable import ConformanceKit

/// Runs the real runner against the real reference server on an ephemeral loopback port.
func runCatalog(
    deviations: [String] = [],
    variant: Bool = false,
    filters: [String] = [],
    jobs: Int = 2
) async throws -> RunResult {
    let catalog = try Catalog.load(root: repositoryRoot)
    let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
    do {
        let result = try await EmbeddedTarget.run(
            catalog: catalog,
            runOptions: RunOptions(filters: filters, jobs: jobs),
            options: EmbeddedTarget.Options(deviations: deviations, variant: variant, notificationTimeout: .seconds(3)),
            httpClient: httpClient
        ) { _ in }.get()
        try await httpClient.shutdown()
        return result
    } catch {
        try? await httpClient.shutdown()
        throw error
    }
}

@Suite(.timeLimit(.minutes(3))) struct EndToEndTests {
    @Test func everyCasePassesAgainstTheReferenceServer() async throws {
        let result = try await runCatalog()
        let failing = result.cases.filter { $0.verdict != .pass }
        #expect(
            failing.isEmpty,
            "\(failing.map { "\($0.id): \($0.verdict) \($0.deviations.map(\.message)) \($0.error ?? "")" })")
        #expect(result.summary.total == result.cases.count)
        #expect(result.summary.pass == result.summary.total)
        #expect(result.summary.total >= 12)
        #expect(result.exitCode(strict: true) == 0)
    }

    @Test func serialAndParallelRunsGiveTheSameVerdictsInCatalogOrder() async throws {
        let serial = try await runCatalog(jobs: 1)
        let parallel = try await runCatalog(jobs: 4)
        #expect(serial.cases.map(\.id) == parallel.cases.map(\.id))
        #expect(serial.cases.map(\.verdict) == parallel.cases.map(\.verdict))
        #expect(serial.cases.map(\.id) == (try Catalog.load(root: repositoryRoot)).cases.map(\.id))
        #expect(parallel.exchanges == serial.exchanges)
    }

    @Test func cancellingARunKeepsWhatRanAndMarksItIncomplete() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let (finished, signal) = AsyncStream.makeStream(of: Void.self)
        let result = try await withThrowingTaskGroup(of: RunResult?.self) { group in
            group.addTask {
                try await EmbeddedTarget.run(
                    catalog: catalog,
                    runOptions: RunOptions(jobs: 1),
                    options: EmbeddedTarget.Options(),
                    httpClient: httpClient
                ) { event in
                    if case .caseFinished = event { signal.yield() }
                }.get()
            }
            group.addTask {
                // Ctrl-C arrives once the first case has finished (Interrupt.run cancels the same way).
                for await _ in finished { return nil }
                return nil
            }
            var run: RunResult?
            while let next = try await group.next() {
                if let next { run = next } else { group.cancelAll() }
            }
            return try #require(run)
        }
        try await httpClient.shutdown()
        #expect(!result.complete)
        #expect(result.cases.count < catalog.cases.count)
        #expect(result.cases.first?.verdict == .pass)
        #expect(result.exitCode(strict: false) == 1)
    }

    @Test func uppercaseOKIsCaughtAndNamesTheSuccessBodyRequirement() async throws {
        let result = try await runCatalog(deviations: ["ok-uppercase"], filters: ["accept-invited"])
        let accept = try #require(result.cases.first)
        #expect(accept.verdict == .fail)
        let deviation = try #require(accept.deviations.first)
        #expect(deviation.requirement == "ACCEPT-SUCCESS-BODY")
        #expect(deviation.pointer == "/status")
        #expect(deviation.expected == #""ok""#)
        #expect(deviation.actual == #""OK""#)
        #expect(deviation.curl?.contains("curl -sS -i -X POST") == true)
        #expect(result.exitCode(strict: false) == 1)
    }

    @Test func aClosedPortIsUnreachableWithinSeconds() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let profile = TargetProfile(
            name: "closed",
            baseURL: "http://127.0.0.1:9/api/v2",
            agents: (1...3).map { .init(id: "a\($0)", username: "u\($0)", password: "p") },
            admin: nil,
            queues: [],
            workbins: [],
            mediaTypes: ["email"],
            fixtures: .http(url: "http://127.0.0.1:9/fixtures")
        )
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: Runner.Unreachable.self) {
            _ = try await Runner(catalog: catalog, profile: profile).run(httpClient: httpClient) { _ in }
        }
        #expect(clock.now - start < .seconds(10))
        try await httpClient.shutdown()
    }
}
