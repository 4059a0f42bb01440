import AsyncHTTPClient
import EmbeddedTarget
import Foundation
import ReferenceServer
import Synchronization
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// Runs the real runner against the real reference server on an ephemeral loopback port, under its email media
/// type only unless `mediaTypes` says otherwise (the media-type dimension has tests of its own, and a run under
/// every media type is the selftest's).
func runCatalog(
    deviations: [String] = [],
    readings: [String] = [],
    variant: Bool = false,
    filters: [String] = [],
    jobs: Int = 2,
    mediaTypes: [String] = ["email"]
) async throws -> RunResult {
    let catalog = try Catalog.load(root: repositoryRoot)
    let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
    var runOptions = RunOptions(filters: filters, jobs: jobs)
    runOptions.mediaTypes = mediaTypes
    do {
        let result = try await EmbeddedTarget.run(
            catalog: catalog,
            runOptions: runOptions,
            options: EmbeddedTarget.Options(
                deviations: deviations, readings: readings, variant: variant, notificationTimeout: .seconds(3)),
            httpClient: httpClient
        ) { _ in }.get()
        try await httpClient.shutdown()
        return result
    } catch {
        try? await httpClient.shutdown()
        throw error
    }
}

/// The runs several suites judge (clean, a switch, the variant, readings), each made once per test process and shared:
/// whole-catalog runs are the heaviest work of the tests, and every suite that needs one of these gets the same.
func sharedRun(deviations: [String] = [], readings: [String] = [], variant: Bool = false) async throws -> RunResult {
    let key = "\(deviations)|\(readings)|\(variant)"
    let task = sharedRuns.withLock { runs in
        if let task = runs[key] { return task }
        let task = Task { try await runCatalog(deviations: deviations, readings: readings, variant: variant) }
        runs[key] = task
        return task
    }
    return try await task.value
}

private let sharedRuns = Mutex<[String: Task<RunResult, any Error>]>([:])

// Ten minutes: a guard against a hang, not a speed goal. Under two CPU burners beside the whole suite, the serial
// and parallel runs of the whole catalog took over five.
@Suite(.timeLimit(.minutes(10))) struct EndToEndTests {
    @Test func everyCasePassesAgainstTheReferenceServer() async throws {
        let result = try await sharedRun()
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
        // The first case finished under the first media type; under the second it was cut short.
        #expect(result.cases.first?.mediaTypes?.first == MediaTypeVerdict(mediaType: "email", verdict: .pass))
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

    /// The probe judges a closed port by the refused connect, not by a timer: with a ten-minute request deadline,
    /// far past this suite's time limit, and an HTTP client that retries refused connects, the run still ends with
    /// `Unreachable` at once.
    @Test func aClosedPortIsUnreachableAtOnce() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        var profile = TargetProfile(
            name: "closed",
            baseURL: "http://127.0.0.1:9/api/v2",
            agents: (1...3).map { .init(id: "a\($0)", username: "u\($0)", password: "p") },
            admin: nil,
            queues: [],
            workbins: [],
            mediaTypes: ["email"],
            fixtures: .http(url: "http://127.0.0.1:9/fixtures")
        )
        profile.timeouts.request = .seconds(600)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        var events: [String] = []
        do {
            _ = try await Runner(catalog: catalog, profile: profile).run(httpClient: httpClient) { event in
                if case .caseFinished(_, _, let result) = event { print("unexpected case \(result.id)") }
            }
            events.append("the run went on")
        } catch {
            events.append(error.description)
        }
        try await httpClient.shutdown()
        #expect(
            events == [
                "the target at http://127.0.0.1:9/api/v2 cannot be reached: connection refused at 127.0.0.1:9 (nothing listens there)"
            ])
    }

    /// The circuit breaker: the embedded server is stopped after the tenth case; the run stops starting cases,
    /// judges the rest ERROR with the reason, reports itself incomplete and exits 3, instead of one request
    /// timeout per remaining case.
    @Test func aTargetThatDiesMidRunStopsTheRun() async throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let (stop, stopper) = AsyncStream.makeStream(of: Void.self)
        let (profiles, profileOut) = AsyncStream.makeStream(of: TargetProfile.self)
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let clock = ContinuousClock()
        func runUntilStopped() async throws -> (RunResult, Duration) {
            try await withThrowingTaskGroup(of: (RunResult, Duration)?.self) { group in
                group.addTask {
                    try await ReferenceServer.withRunning(.generated()) { server in
                        var profile = try TargetProfile.parse(
                            yaml: server.profileYAML(name: "dies after ten cases"), file: "embedded")
                        profile.timeouts.request = .seconds(30)
                        // One media type, so that "the tenth case" is the tenth of the catalog.
                        profile.mediaTypes = ["email"]
                        profileOut.yield(profile)
                        for await _ in stop { break }
                    }
                    return nil
                }
                var next = profiles.makeAsyncIterator()
                let profile = try #require(await next.next())
                group.addTask {
                    let start = clock.now
                    let result = try await Runner(catalog: catalog, profile: profile, options: RunOptions(jobs: 1))
                        .run(httpClient: httpClient) { event in
                            if case .caseFinished(let index, _, _) = event, index == 10 { stopper.finish() }
                        }
                    return (result, clock.now - start)
                }
                var finished: (RunResult, Duration)?
                for try await value in group where value != nil { finished = value }
                return try #require(finished)
            }
        }
        let outcome: Result<(RunResult, Duration), any Error>
        do {
            outcome = .success(try await runUntilStopped())
        } catch {
            outcome = .failure(error)
        }
        stopper.finish()
        try await httpClient.shutdown()
        let (result, elapsed) = try outcome.get()
        let stopped = try #require(result.stopped)
        #expect(stopped.failures == CircuitBreaker.defaultLimit)
        #expect(result.cases.map(\.id) == catalog.cases.map(\.id))
        #expect(result.cases.prefix(10).allSatisfy { $0.verdict == .pass })
        let notStarted = result.cases.filter { $0.error == stopped.description }
        #expect(notStarted.count > 50, "\(notStarted.count) cases were not started")
        #expect(result.cases.suffix(notStarted.count).map(\.id) == notStarted.map(\.id))
        #expect(stopped.description.hasPrefix("the target stopped answering after case \(stopped.afterCase ?? "?") ("))
        #expect(!result.complete)
        #expect(result.exitCode(strict: false) == 3)
        #expect(result.incompleteReason?.contains(stopped.description) == true)
        // One request deadline per remaining case would be 85 × 30 s; the breaker makes it a moment (two minutes
        // bound it on a loaded machine).
        #expect(elapsed < .seconds(120), "the run took \(elapsed)")
        let decoded = try JSONDecoder().decode(RunResult.self, from: JSONEncoder().encode(result))
        #expect(decoded.stopped == stopped)
    }
}
