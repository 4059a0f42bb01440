import ArgumentParser
import AsyncHTTPClient
import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import ConformanceRunner
import EmbeddedTarget
import Foundation

/// `conformance run`: certifies a target, or the embedded reference server when no target is given.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the catalog against a target and judge every case.",
        discussion: """
            Without --target the bundled reference server starts in-process on 127.0.0.1 (an ephemeral port) and \
            is certified: the embedded default.

            Verdicts: PASS every MUST and SHOULD held; FAIL a MUST broke; WARN only a SHOULD broke (FAIL under \
            --strict); NOTE passes with an observation (which reading of an erratum the target follows); SKIP not \
            applicable to this profile; ERROR the case could not be judged (timeout, fixture failure).

            Exit codes: 0 no FAIL or ERROR, 1 deviations, 2 usage/profile/catalog error, 3 target unreachable \
            (nothing listens at its address) or it stopped answering mid-run.

            Media types: the catalog runs once under each of the profile's mediaTypes ("Functionality may vary \
            from different media types"); each case's verdict is the worst of them, and the reports give every \
            media type's verdict and readings. --media-type keeps some of them.

            Reachability is judged by the network, not by a timer: before the first case the suite opens one TCP \
            connection to the target; a refused connection or an unknown host ends the run at once with exit 3. A \
            target that accepts connections but does not answer is reachable, and its cases say so.

            Circuit breaker: when \(CircuitBreaker.defaultLimit) exchanges in a row, across all cases, get no HTTP \
            answer (connection refused, reset or closed, or no answer within --timeout), the run starts no more \
            cases. Those cases are ERROR with "the target stopped answering after case X (reason)", the reports are \
            written with "complete": false, and the exit code is 3. Any answer, even a wrong one, resets the count. \
            --stop-after-failures changes the count; 0 never stops.

            Comparing: --compare-to OLD.json prints at the end what changed since that run, as `conformance diff` \
            does (verdicts, requirements, readings, answer and notification shapes). With --fail-on regression the \
            difference decides the exit code instead of the verdicts: 1 only when a case's verdict got worse or a \
            case breaks a requirement it did not break before (a release gate); --fail-on change exits 1 on any \
            difference. A reference report of another catalog exits 2 unless --allow-catalog-change.

            Examples:
              conformance run
              conformance run --target lab.yaml --filter 'accept-*' --report json:reports/run.json
              conformance run --deviate ok-uppercase      (embedded server with one behaviour broken)
              conformance run --shard 2/3 --report json:shard2.json
              conformance run --target lab.yaml --baseline known.yaml --strict
              conformance run --target lab.yaml --compare-to last-release.json --fail-on regression --report json:this.json
            """
    )

    @Option(name: .long, help: "Target profile (YAML; docs/profile.md). Default: the embedded reference server.")
    var target: String?

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var reports: ReportOptions

    @Option(
        name: .long,
        help:
            "Run only shard i of n (e.g. 2/3): a deterministic share of the selected cases; `conformance merge` joins the shards' JSON reports."
    )
    var shard: String?

    @Option(
        name: .long,
        help:
            "Waive the deviations listed in this file (see `conformance baseline`); they show as WAIVED, stale waivers are reported."
    )
    var baseline: String?

    @OptionGroup var location: CatalogOptions

    @Option(
        name: .long,
        help:
            "Run the catalog under this media type of the profile only (repeatable; default: under each of the profile's mediaTypes)."
    )
    var mediaType: [String] = []

    // Unconditional, so that `--timeout -1s` is read as a value and refused as one, like `--timeout=-1s`.
    @Option(
        name: .long, parsing: .unconditional,
        help: "Deadline for each HTTP exchange, e.g. 5s or 500ms (overrides the profile).")
    var timeout: String?

    @OptionGroup(title: "The embedded reference server (without --target)") var embedded: EmbeddedServerOptions

    @Option(
        name: .long,
        help:
            "Cases run at once; each leases the agents it uses, 1 to 3 (default: as many as the profile's agents allow; the core count for the embedded server)."
    )
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stop the run after K exchanges in a row get no HTTP answer (refused, reset, closed, timed out); 0 never stops.",
            valueName: "K"
        )
    )
    var stopAfterFailures = CircuitBreaker.defaultLimit

    @Flag(name: .long, help: "Count WARN as failure for the exit code.")
    var strict = false

    @Flag(
        name: .long,
        help:
            "Skip the checks of the profile against the target before the first case (credentials, CometD, fixtures: `conformance doctor`)."
    )
    var noPreflight = false

    @OptionGroup(title: "Comparing with an earlier run") var compare: CompareToOptions

    @Flag(name: .shortAndLong, help: "Print only failing cases and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each case's exchanges and notifications, and INFO observations.")
    var verbose = false

    func validate() throws {
        if target != nil, embedded.isUsed {
            throw ValidationError(
                "--deviate, --reading and --variant apply to the embedded reference server only; drop --target")
        }
        if let timeout, (DurationText.parse(timeout) ?? .zero) <= .zero {
            throw ValidationError("--timeout '\(timeout)' is not a duration like 5s or 500ms")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard stopAfterFailures >= 0 else { throw ValidationError("--stop-after-failures must be 0 or more") }
        if let shard, RunOptions.shard(shard) == nil {
            throw ValidationError("--shard '\(shard)' is not i/n with 1 <= i <= n, e.g. 2/3")
        }
    }

    func run() async throws {
        let startedAt = Date()
        let destinations = reports.destinations
        let requestTimeout = timeout.flatMap(DurationText.parse)
        let catalog = try location.load()
        let reference = try compare.reference(catalogDigest: catalog.digest)
        var options = RunOptions(
            filters: selection.filter, strict: strict, requestTimeout: requestTimeout,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        options.maxTransportFailures = stopAfterFailures
        options.shard = shard.flatMap(RunOptions.shard)
        options.mediaTypes = mediaType
        let baseline: Baseline? = try self.baseline.map { path in
            let baseline: Baseline
            do {
                baseline = try Baseline.load(path: path)
            } catch {
                throw CommandFailure("baseline: \(error)", code: ExitStatus.usage)
            }
            // A waiver that names nothing the catalog has would waive nothing, silently.
            let problems = baseline.problems(against: catalog, file: path)
            if !problems.isEmpty {
                throw CommandFailure(
                    problems.map { "baseline: \($0)" }.joined(separator: "\nerror: "), code: ExitStatus.usage)
            }
            return baseline
        }
        var reporter = ConsoleReporter(verbosity: quiet ? .quiet : (verbose ? .verbose : .normal))
        if let baseline { reporter.waive = { baseline.apply(to: $0) } }
        let console = reporter
        let profile = try target.map(TargetProfile.loadForCommand)
        _ = try profile?.checkedTransport()
        let offered = profile?.mediaTypes ?? EmbeddedTarget.mediaTypes
        if let unknown = mediaType.first(where: { !offered.contains($0) }) {
            throw CommandFailure(
                "--media-type \(unknown) is not among the profile's mediaTypes (\(offered.joined(separator: ", ")))",
                code: ExitStatus.usage)
        }
        if let profile, jobs == nil { options.jobs = profile.agents.count }
        let selected = Runner(catalog: catalog, profile: profile ?? placeholderProfile, options: options).selectedCases
        if selected.isEmpty {
            throw CommandFailure(
                "no case matches --filter \(selection.filter.joined(separator: " ")); `conformance list` shows the cases",
                code: ExitStatus.usage)
        }
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let embedded = self.embedded.options
        let runOptions = options
        let preflight = !noPreflight
        let (outcome, interrupted) = await Interrupt.run { () -> Result<RunResult, NotJudged> in
            if let profile {
                return await Self.certify(catalog, profile, runOptions, httpClient, console, preflight: preflight)
            }
            do {
                return try await EmbeddedTarget.run(
                    catalog: catalog,
                    runOptions: runOptions,
                    options: embedded,
                    httpClient: httpClient
                ) { event in console.handle(event) }.mapError(NotJudged.unreachable)
            } catch {
                return .failure(
                    .unreachable(Runner.Unreachable(description: "the embedded reference server failed: \(error)")))
            }
        }
        try? await httpClient.shutdown()
        switch outcome {
        case .failure(.preflight(let problems)):
            // The profile is wrong in a way only the server could tell: one line per field to fix, exit 2, and the
            // reports say so (every case ERROR with that reason).
            for problem in problems { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
            notJudged(
                selected, reason: PreflightProblem.summary(problems), unreachable: false, catalog: catalog,
                target: RunResult.Target(name: profile?.name ?? "", baseURL: profile?.baseURL ?? ""),
                options: options, startedAt: startedAt, destinations: destinations)
            throw ExitCode(ExitStatus.usage)
        case .failure(.unreachable(let unreachable)):
            notJudged(
                selected, reason: interrupted ? Runner.interruptedReason : unreachable.description,
                unreachable: !interrupted, catalog: catalog,
                target: RunResult.Target(
                    name: profile?.name ?? EmbeddedTarget.name(embedded), baseURL: profile?.baseURL ?? "(embedded)"),
                options: options, startedAt: startedAt, destinations: destinations)
            throw CommandFailure(
                unreachable.description, code: interrupted ? Interrupt.exitCode : ExitStatus.unreachable)
        case .success(let judged):
            let result = baseline?.apply(to: judged) ?? judged
            console.finish(result, strict: strict)
            let writeProblems = ReportWriter.write(result, to: destinations)
            for problem in writeProblems {
                FileHandle.standardError.write(Data(("error: " + problem + "\n").utf8))
            }
            if interrupted {
                FileHandle.standardError.write(Data("Interrupted: the reports cover the cases that ran.\n".utf8))
                throw ExitCode(Interrupt.exitCode)
            }
            // A report that could not be written is a failure CI must see, whatever the verdicts.
            if !writeProblems.isEmpty { throw ExitCode(ExitStatus.usage) }
            var code = result.exitCode(strict: strict)
            if let reference, let gate = try compare.finish(result, reference: reference, reporter: console) {
                code = gate
            }
            if code != 0 { throw ExitCode(code) }
        }
    }
}
