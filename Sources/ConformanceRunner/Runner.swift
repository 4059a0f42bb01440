import AsyncHTTPClient
import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceReport
import Foundation

/// Runs the selected cases of a catalog against a target and judges each one.
public struct Runner: Sendable {
    /// Something a run reports while it goes.
    public enum Event: Sendable {
        /// `total` case runs: each selected case once under each of `mediaTypes` (empty: the profile's only one).
        case started(total: Int, mediaTypes: [String])
        case caseFinished(index: Int, total: Int, result: CaseResult)
        /// A notification session could not be opened for an agent; its notification steps will be ERROR.
        case sessionProblem(role: String, message: String)
        /// What the target answered where a golden file is expected (for `conformance record`).
        case goldenObserved(GoldenObservation)
    }

    /// The target could not be reached at all (exit code 3, docs/verdicts.md).
    public struct Unreachable: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The reason given for cases cut short by an interrupt (Ctrl-C).
    public static let interruptedReason = "interrupted before the case finished"

    public let catalog: Catalog
    public let profile: TargetProfile
    public let options: RunOptions
    /// The agents' cookie jars; nil: one per account, as the profile's `cookies:` says (tests share one to show
    /// why the suite does not).
    var cookieJars: CookieJars?

    public init(catalog: Catalog, profile: TargetProfile, options: RunOptions = RunOptions()) {
        self.catalog = catalog
        self.profile = profile
        self.options = options
    }

    /// The cases this run executes, in catalog order.
    public var selectedCases: [ConformanceCase] { options.select(catalog.cases) }

    public func run(httpClient: HTTPClient, progress: @escaping @Sendable (Event) async -> Void)
        async throws(Unreachable)
        -> RunResult
    {
        try await withClients(httpClient) { (api, fixtures, transports) async throws(Unreachable) in
            try await run(httpClient: api, fixtureHTTPClient: fixtures, transports: transports, progress)
        }
    }

    /// Runs `body` with the HTTP clients the profile needs: TLS trust and proxy are settings of a client, so a
    /// profile that needs them gets clients of its own (shut down afterwards); else `httpClient` serves.
    func withClients<T: Sendable>(
        _ httpClient: HTTPClient,
        _ body: (HTTPClient, HTTPClient?, Transports) async throws(Unreachable) -> T
    ) async throws(Unreachable) -> T {
        let transports: Transports
        do {
            transports = try Transports(profile)
        } catch {
            throw Unreachable(description: error.description)
        }
        let api =
            transports.api.isDefault
            ? nil
            : HTTPClient(eventLoopGroupProvider: .singleton, configuration: transports.api.httpClientConfiguration)
        let fixtures =
            transports.fixtures.proxyURL == transports.api.proxyURL
            ? nil
            : HTTPClient(eventLoopGroupProvider: .singleton, configuration: transports.fixtures.httpClientConfiguration)
        let result: Result<T, Unreachable>
        do {
            result = .success(try await body(api ?? httpClient, fixtures, transports))
        } catch {
            result = .failure(error)
        }
        try? await api?.shutdown()
        try? await fixtures?.shutdown()
        return try result.get()
    }

    /// The profile's timeouts, with `--timeout` for each request.
    var timeouts: TargetProfile.Timeouts {
        var timeouts = profile.timeouts
        if let requestTimeout = options.requestTimeout { timeouts.request = requestTimeout }
        return timeouts
    }

    /// The client of the run's exchanges: its deadline, the agents' cookie jars, and the fixtures' own HTTP client.
    func client(_ httpClient: HTTPClient, fixtureHTTPClient: HTTPClient?, breaker: CircuitBreaker) -> TargetClient {
        var client = TargetClient(httpClient: httpClient, timeout: timeouts.request, breaker: breaker)
        client.cookies = cookieJars ?? CookieJars(enabled: profile.cookies)
        client.fixtureHTTPClient = fixtureHTTPClient
        return client
    }

    private func run(
        httpClient: HTTPClient, fixtureHTTPClient: HTTPClient?, transports: Transports,
        _ progress: @escaping @Sendable (Event) async -> Void
    ) async throws(Unreachable) -> RunResult {
        let transport = transports.api
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let timeouts = self.timeouts
        let breaker = CircuitBreaker(limit: options.maxTransportFailures)
        let client = self.client(httpClient, fixtureHTTPClient: fixtureHTTPClient, breaker: breaker)
        try await probe(timeout: timeouts.request, transport: transport, client: client)
        let selected = selectedCases
        // The catalog runs once per media type of the profile (a matrix dimension); each run's fixtures and
        // markers use that media type. With one media type, the results are the cases' own.
        let media = mediaDimension
        let jobs = selected.flatMap { testCase in media.map { (testCase: testCase, mediaType: $0) } }
        let cases = jobs.map(\.testCase)
        await progress(.started(total: cases.count, mediaTypes: media.compactMap { $0 }))
        let fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        let resetProblem: String?
        do {
            try await fixtures.reset()
            resetProblem = nil
        } catch {
            resetProblem = error.description
            // A reset that got no answer at all: the target is down or hung, and no case can start.
            breaker.tripIfLastUnanswered(.fixtures)
        }
        let sessions = NotificationSessions(
            profile: profile, timeout: timeouts.request, breaker: breaker, cookies: client.cookies,
            transport: transports.notifications)
        let order = Self.schedule(cases, jobs: options.jobs)
        let (caseResults, notifications, channels, shapes) = await sessions.withOpenSessions { inboxes, problems in
            for (role, message) in problems.sorted(by: { $0.key < $1.key }) {
                await progress(.sessionProblem(role: role, message: message))
            }
            let health = NotificationHealth(inboxes: Array(inboxes.values))
            let (results, shapes) = await withTaskGroup(of: (Int, [Int], CaseResult, ShapeLog).self) { group in
                var results = [CaseResult?](repeating: nil, count: cases.count)
                var logs = [ShapeLog](repeating: ShapeLog(), count: cases.count)
                var pending = order[...]
                var leases = AgentLeases(agents: profile.agents.count)
                var running = 0
                var finished = 0
                /// Starts every pending case, in schedule order, for which agents are free (up to `jobs` at once).
                func launch() {
                    guard !Task.isCancelled, breaker.trip == nil else { return }
                    var skipped: [Int] = []
                    while running < options.jobs, let index = pending.popFirst() {
                        // A case that names an agent set (the target may pick any agent) holds the whole profile.
                        let declared = cases[index]
                        if let resetProblem {
                            group.addTask {
                                (index, [], CaseLedger.errored(declared, reason: resetProblem), ShapeLog())
                            }
                            running += 1
                            continue
                        }
                        let needed = declared.wholeProfile ? profile.agents.count : declared.agentsNeeded
                        guard let members = leases.lease(needed) else {
                            skipped.append(index)
                            continue
                        }
                        let testCase = declared.resolvingAgentSets(agents: members.count)
                        running += 1
                        var view = CaseView(members: members, of: profile, inboxes: inboxes, problems: problems)
                        view.mediaType = jobs[index].mediaType
                        var client = client
                        client.caseId = testCase.id
                        client.caseMeter = ExchangeMeter()
                        group.addTask { [client] in
                            let execution = CaseExecution(
                                testCase: testCase,
                                catalog: catalog,
                                profile: view.profile,
                                timeouts: timeouts,
                                client: client,
                                inboxes: view.inboxes,
                                sessionProblems: view.problems,
                                health: health,
                                observe: { await progress(.goldenObserved($0)) }
                            )
                            var result = await execution.run()
                            result.exchanges = client.caseMeter?.count
                            if media.count > 1, let mediaType = view.mediaType {
                                result.mediaTypes = [MediaTypeVerdict(mediaType: mediaType, verdict: result.verdict)]
                            }
                            return (index, members, result, execution.ledger.shapes)
                        }
                    }
                    pending = (skipped + pending)[...]
                }
                launch()
                for await (index, members, result, log) in group {
                    leases.release(members)
                    running -= 1
                    results[index] = result
                    logs[index] = log
                    finished += 1
                    await progress(.caseFinished(index: finished, total: cases.count, result: result))
                    launch()
                }
                // Once the breaker trips, the cases it kept from starting are ERROR with its reason.
                if let trip = breaker.trip {
                    for index in results.indices where results[index] == nil {
                        let result = CaseLedger.errored(cases[index], reason: trip.description)
                        results[index] = result
                        finished += 1
                        await progress(.caseFinished(index: finished, total: cases.count, result: result))
                    }
                }
                // Merged in catalog order, so that each shape's examples are its first cases.
                var shapes = ShapeLog()
                for log in logs { shapes.merge(log) }
                return (results, shapes)
            }
            var notifications = 0
            var channels: [Observation: Int] = [:]
            var everyShape = shapes
            for inbox in inboxes.values {
                notifications += await inbox.count
                for notification in await inbox.all() {
                    if let observed = Self.channelReading(notification) { channels[observed, default: 0] += 1 }
                    // Also what arrived while no case held the agent, so that a run's shapes do not depend on timing.
                    everyShape.recordNotification(notification, caseID: nil)
                }
            }
            return (results, notifications, channels, everyShape)
        }
        let elapsed = clock.now - start
        // Readings are judged per media type: the document lets functionality vary between them.
        // A job that never ran (the run was interrupted) has no result; each column keeps the cases that ran.
        let columns = media.map { mediaType in
            let column = jobs.indices.filter { jobs[$0].mediaType == mediaType }.compactMap { caseResults[$0] }
            return (
                mediaType: mediaType ?? "",
                results: ReadingConsistency.judge(column, readings: catalog.readings, catalog: catalog)
            )
        }
        let results = MediaTypeResults.combine(columns)
        var result = RunResult(
            target: RunResult.Target(name: profile.name, baseURL: profile.baseURL, warnings: profile.warnings),
            cases: results,
            startedAt: started,
            durationMs: DurationText.milliseconds(elapsed),
            complete: !caseResults.contains { $0 == nil || $0?.error == Self.interruptedReason }
                && breaker.trip == nil,
            clauses: clauses(for: results)
        )
        result.stopped = breaker.trip
        result.suite.catalogDigest = catalog.digest
        result.selection = options.selection
        result.exchanges = client.meter.count
        result.notifications = notifications
        result.readings = ReadingReport.summarize(catalog.readings, cases: results, messages: channels)
        // The media types the run covered, each with its summary (and readings, when there are several).
        result.mediaTypes =
            columns.filter { !$0.mediaType.isEmpty }.map { column in
                MediaTypeOutcome(
                    mediaType: column.mediaType, summary: RunResult.Summary(column.results),
                    readings: media.count > 1
                        ? ReadingReport.summarize(catalog.readings, cases: column.results, messages: channels) : nil)
            }.nilIfEmpty
        result.shapes = shapes.shapes
        return result
    }

    /// The media types the catalog runs under: each of the profile's `mediaTypes` that `--media-type` keeps
    /// (all when it names none); `[nil]` when there is at most one, so that the cases run as they are.
    var mediaDimension: [String?] {
        let kept = profile.mediaTypes.filter { options.mediaTypes.isEmpty || options.mediaTypes.contains($0) }
        return kept.count > 1 ? kept : [kept.first]
    }

    /// The spelling of the channel an interaction message came on, as an alternative of `notification-channel`.
    static func channelReading(_ notification: ReceivedNotification) -> Observation? {
        guard notification.data["messageTypeName"]?.stringValue == "InteractionStateMessage" else { return nil }
        switch notification.channel {
        case NotificationSessions.channel: return Observation(reading: "notification-channel", alternative: "no-slash")
        case NotificationSessions.channel + "/":
            return Observation(reading: "notification-channel", alternative: "trailing-slash")
        default: return nil
        }
    }

    /// The document's text for every requirement the results cite.
    func clauses(for results: [CaseResult]) -> [String: RunResult.Clause] {
        var clauses: [String: RunResult.Clause] = [:]
        for id in Set(results.flatMap(\.requirements)) {
            if let requirement = catalog.requirement(id) { clauses[id] = RunResult.Clause(requirement) }
        }
        return clauses
    }
}
