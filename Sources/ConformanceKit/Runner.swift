import AsyncHTTPClient
import Bayeux
import ConformanceJSON
import Foundation

/// Runs the selected cases of a catalog against a target and judges each one.
public struct Runner: Sendable {
    /// Something a run reports while it goes.
    public enum Event: Sendable {
        case started(total: Int)
        case caseFinished(index: Int, total: Int, result: CaseResult)
        /// A notification session could not be opened for an agent; its notification steps will be ERROR.
        case sessionProblem(role: String, message: String)
    }

    /// The target could not be reached at all (DESIGN.md exit code 3).
    public struct Unreachable: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public let catalog: Catalog
    public let profile: TargetProfile
    public let options: RunOptions

    public init(catalog: Catalog, profile: TargetProfile, options: RunOptions = RunOptions()) {
        self.catalog = catalog
        self.profile = profile
        self.options = options
    }

    /// The cases this run executes, in catalog order.
    public var selectedCases: [ConformanceCase] { catalog.cases.filter(options.selects) }

    public func run(httpClient: HTTPClient, progress: @escaping @Sendable (Event) async -> Void)
        async throws(Unreachable)
        -> RunResult
    {
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var timeouts = profile.timeouts
        if let requestTimeout = options.requestTimeout { timeouts.request = requestTimeout }
        let client = TargetClient(httpClient: httpClient, timeout: timeouts.request)
        let caseTimeouts = timeouts
        try await probe(client)
        let cases = selectedCases
        await progress(.started(total: cases.count))
        let sessions = NotificationSessions(profile: profile, httpClient: httpClient, timeout: caseTimeouts.request)
        let results = await sessions.withOpenSessions { inboxes, problems in
            for (role, message) in problems.sorted(by: { $0.key < $1.key }) {
                await progress(.sessionProblem(role: role, message: message))
            }
            var results: [CaseResult] = []
            for (index, testCase) in cases.enumerated() {
                if Task.isCancelled { break }
                let execution = CaseExecution(
                    testCase: testCase,
                    catalog: catalog,
                    profile: profile,
                    timeouts: caseTimeouts,
                    client: client,
                    inboxes: inboxes,
                    sessionProblems: problems
                )
                let result = await execution.run()
                results.append(result)
                await progress(.caseFinished(index: index + 1, total: cases.count, result: result))
            }
            return results
        }
        let elapsed = clock.now - start
        return RunResult(
            target: RunResult.Target(name: profile.name, baseURL: profile.baseURL),
            cases: results,
            startedAt: started,
            durationMs: DurationText.milliseconds(elapsed),
            complete: results.count == cases.count
        )
    }

    /// One unauthenticated request: any HTTP answer means the target is there.
    func probe(_ client: TargetClient) async throws(Unreachable) {
        var probeClient = client
        probeClient.timeout = min(client.timeout, .seconds(3))
        do {
            _ = try await probeClient.send(
                method: "GET", url: profile.baseURL + "/me/interactions", headers: [], body: nil)
        } catch  where error.unreachable {
            throw Unreachable(description: "the target at \(profile.baseURL) cannot be reached: \(error.reason)")
        } catch {
            // It answered badly or slowly; the cases will say how.
        }
    }
}
