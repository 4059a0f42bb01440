import AsyncHTTPClient
import ConformanceCatalog
import ConformanceReport
import ConformanceRunner

extension EmbeddedTarget {
    /// What `selfTest` found.
    public struct SelfTestResult: Sendable {
        /// One per deviation switch: caught only when caught in every configuration it ran under.
        public var outcomes: [MutationTest.Outcome]
        /// One per switch and configuration (the switch × reading matrix), switch by switch.
        public var matrix: [MutationTest.Outcome]
        /// The configurations the switches ran under, in the matrix's column order.
        public var switchConfigurations: [ReadingMatrix.Configuration]
        /// One per reading alternative alone, then every non-default alternative at once.
        public var readings: [ReadingMatrix.Outcome]
        /// The conformant-but-different variant.
        public var variant: RunResult
    }

    /// The media type a run covers when one is enough: the embedded server's first.
    static var firstMediaType: [String] { Array(mediaTypes.prefix(1)) }

    /// The reading configurations a self-test runs: each non-default alternative alone, then all at once. The
    /// reference server's readings are the same under every media type, so one alone runs under the first media
    /// type; all at once runs under every media type.
    public static var readingConfigurations: [ReadingMatrix.Configuration] {
        readingAlternatives.flatMap { $0.alternatives }.map {
            ReadingMatrix.Configuration(name: $0, readings: [$0], mediaTypes: firstMediaType)
        } + [ReadingMatrix.Configuration(name: "all non-default", readings: everyReadingNonDefault)]
    }

    /// The deployment configurations a self-test runs: each trait alone (under the first media type), then every
    /// trait and every non-default reading at once (under every media type).
    public static var deploymentConfigurations: [ReadingMatrix.Configuration] {
        deploymentNames.map {
            ReadingMatrix.Configuration(
                name: "deploy \($0)", readings: [], deployment: [$0], mediaTypes: firstMediaType)
        }
            + [
                ReadingMatrix.Configuration(
                    name: "deploy all, all non-default", readings: everyReadingNonDefault, deployment: deploymentNames)
            ]
    }

    /// The configurations every switch runs under: the default readings; unless `quick`, also each reading
    /// configuration and the variant, since a hole may open under one reading only.
    public static func switchConfigurations(quick: Bool) -> [ReadingMatrix.Configuration] {
        let defaults = ReadingMatrix.Configuration(name: "default", readings: [])
        guard !quick else { return [defaults] }
        return [defaults] + readingConfigurations
            + [ReadingMatrix.Configuration(name: "variant", readings: [], variant: true)]
    }

    /// Runs the catalog against the embedded server; with a watch, cancels the run once the watch says the switch
    /// is caught (the cases cut short then count as interrupted, which changes no kill).
    static func runUntilCaught(
        catalog: Catalog, runOptions: RunOptions, options: Options, httpClient: HTTPClient,
        watch: MutationTest.CatchWatch?
    ) async throws -> RunResult {
        guard let watch else {
            return try await run(
                catalog: catalog, runOptions: runOptions, options: options, httpClient: httpClient
            ) { _ in }.get()
        }
        let (caught, signal) = AsyncStream<Void>.makeStream()
        return try await withThrowingTaskGroup(of: RunResult?.self) { group in
            group.addTask {
                defer { signal.finish() }
                return try await run(
                    catalog: catalog, runOptions: runOptions, options: options, httpClient: httpClient
                ) { event in
                    if case .caseFinished(_, _, let result) = event, watch.caught(after: result) { signal.yield() }
                }.get()
            }
            group.addTask {
                for await _ in caught { return nil }
                return nil
            }
            var result: RunResult?
            while let next = try await group.next() {
                if let next { result = next } else { group.cancelAll() }
            }
            guard let result else { throw CancellationError() }
            return result
        }
    }

    /// Runs every switch under every switch configuration, each reading configuration, and the variant, `jobs`
    /// runs at a time (each against its own server), each run with `caseJobs` cases at once: a switch run spends
    /// most of its time waiting out notification deadlines, which overlap. A switch run takes only the cases that
    /// cite a requirement the switch breaks, of its sites when it names them (no other case can catch it).
    public static func selfTest(
        catalog: Catalog,
        jobs: Int,
        httpClient: HTTPClient,
        only: [String] = [],
        readings: Bool = true,
        quick: Bool = false,
        notificationTimeout: Duration? = nil,
        caseJobs: Int = 8,
        progress: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws -> SelfTestResult {
        let selected = try switches(in: catalog).filter { only.isEmpty || only.contains($0.name) }
        let configurations = readings ? readingConfigurations + deploymentConfigurations : []
        let columns = switchConfigurations(quick: quick)
        // The reading runs take no notification timeouts, the switch runs often do: give the switches most slots.
        let readingJobs = configurations.isEmpty ? 0 : max(1, jobs / 3)
        // Runs that must be clean wait no notification out, so a long deadline costs nothing on a healthy machine
        // and keeps a busy one from turning a late notification into a false FAIL.
        let cleanTimeout = notificationTimeout.map { max($0, .seconds(10)) }
        let switchJobs = max(1, jobs - readingJobs - 1)
        async let variantRun = run(
            catalog: catalog,
            runOptions: RunOptions(jobs: caseJobs),
            options: Options(variant: true, notificationTimeout: cleanTimeout),
            httpClient: httpClient
        ) { _ in }
        async let readingOutcomes = ReadingMatrix.run(configurations, jobs: readingJobs) { configuration in
            var runOptions = RunOptions(jobs: caseJobs)
            runOptions.mediaTypes = configuration.mediaTypes
            let result = try await run(
                catalog: catalog,
                runOptions: runOptions,
                options: {
                    var options = Options(readings: configuration.readings, notificationTimeout: cleanTimeout)
                    options.deployment = configuration.deployment
                    return options
                }(),
                httpClient: httpClient
            ) { _ in }.get()
            await progress(
                "reading \(configuration.name): \(result.summary.fail + result.summary.error == 0 ? "clean" : "FAILED")"
            )
            return result
        }
        let matrix = await MutationTest.run(
            selected, under: columns, jobs: switchJobs,
            progress: { outcome in
                let result =
                    outcome.inert
                    ? "inert" : outcome.caught ? (outcome.level == .should ? "warned" : "killed") : "SURVIVED"
                await progress("switch \(outcome.name) [\(outcome.configuration ?? "default")]: \(result)")
            },
            runWith: { mutation, configuration in
                // Only cases that can catch it: they cite a requirement it breaks, and are of one of its sites. A
                // switch whose requirements only the runner asserts over a whole run (READING-CONSISTENT) runs all.
                let citing = catalog.cases.filter { candidate in
                    candidate.requirements.contains(where: mutation.expected.contains)
                        && (mutation.sites.isEmpty || mutation.sites.contains(candidate.operation))
                }
                let cases = citing.isEmpty ? catalog.cases : citing
                let options = Options(
                    deviations: [mutation.name], readings: configuration.readings, variant: configuration.variant,
                    notificationTimeout: notificationTimeout,
                    quietPeriod: notificationTimeout.map { min($0, .milliseconds(100)) })
                // Fewer cases at once than a whole run: each case at once holds three agents, each a Bayeux session,
                // and many switch runs share the processors.
                // (A whole-catalog run keeps the usual number.)
                let jobs = citing.isEmpty ? caseJobs : max(1, min(caseJobs / 2, cases.count))
                var runOptions = RunOptions(filters: citing.isEmpty ? [] : cases.map(\.id), jobs: jobs)
                // Under the media types the switch breaks, else the first: a switch that breaks every media type
                // alike is seen there, and the clean runs above cover every media type.
                runOptions.mediaTypes = mutation.mediaTypes.isEmpty ? firstMediaType : mutation.mediaTypes
                // The first configuration runs whole (what it reports broken is the coverage); the others stop
                // once the switch is caught on every site.
                let watch =
                    configuration == columns.first
                    ? nil
                    : MutationTest.CatchWatch(
                        mutation, levels: mutation.expected.compactMap { catalog.requirement($0)?.level })
                return try await runUntilCaught(
                    catalog: catalog, runOptions: runOptions, options: options, httpClient: httpClient, watch: watch)
            })
        return SelfTestResult(
            outcomes: MutationTest.combine(matrix), matrix: matrix, switchConfigurations: columns,
            readings: await readingOutcomes, variant: try await variantRun.get())
    }
}
