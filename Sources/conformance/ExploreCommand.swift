import ArgumentParser
import AsyncHTTPClient
import ConformanceCatalog
import ConformanceExplore
import ConformanceKit
import ConformanceReport
import EmbeddedTarget
import Foundation

/// `conformance explore`: sequences no case was written for, judged by a model of the document.
struct ExploreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore generated sequences of operations and judge every answer against a model of the document.",
        discussion: """
            Each sequence resets the target, routes one interaction to agent1, waits for its invitation and sends \
            STEPS random operations by the profile's first three agents (valid and invalid: wrong agent, wrong \
            state, missing or unknown parameters, an unknown operation), GETs of /me/interactions and, with \
            --concurrency, pairs of requests sent at once by two agents. A model written from the document alone \
            says what it allows: done or refused, listed or not, the notifications each agent must get, and no \
            message to an agent the interaction never concerned. Answers are judged with the catalog's own \
            presets and goldens. Where the document is open, every reading passes, and the first one the target \
            shows is kept for the rest of the run. A deviation is shrunk to the fewest steps that still show it \
            and written as an operation file of the catalog, ready to review and add. The same seed explores the \
            same sequences.

            Exit codes: 0 no finding, 1 findings, 2 usage/profile/catalog error, 3 target unreachable, 130 \
            interrupted by Ctrl-C (the findings so far are written).

            Examples:
              conformance explore --seed 7
              conformance explore --deviate accept-twice --sequences 200 --out found/
              conformance explore --target lab.yaml --concurrency --report junit:explore.xml
            """
    )

    @Option(name: .long, help: "Target profile (YAML; docs/profile.md). Default: the embedded reference server.")
    var target: String?

    @Option(name: .long, help: "Seed of the sequences; the same seed explores the same sequences.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many sequences to run.")
    var sequences = 500

    @Option(name: .long, help: "Steps per sequence.")
    var steps = 8

    @Flag(name: .long, help: "Make one step in four a pair of requests sent at once by two agents.")
    var concurrency = false

    @Option(name: .long, help: "Directory for the shrunk cases, one operation file per finding.")
    var out = "explore-cases"

    @Option(
        name: .long,
        help:
            "Write a report: FORMAT:PATH with FORMAT json, junit, html or markdown (the formats of `run`), or explore-json for the exploration's own record (repeatable)."
    )
    var report: [String] = []

    @OptionGroup var location: CatalogOptions

    @OptionGroup(title: "The embedded reference server (without --target)") var embedded: EmbeddedServerOptions

    static let explorePrefix = "explore-json:"

    func validate() throws {
        guard (1...100_000).contains(sequences) else { throw ValidationError("--sequences must be 1 to 100000") }
        guard (1...50).contains(steps) else { throw ValidationError("--steps must be 1 to 50") }
        if target != nil, embedded.isUsed {
            throw ValidationError(
                "--deviate, --reading and --variant apply to the embedded reference server only; drop --target")
        }
        for argument in report {
            if argument.hasPrefix(Self.explorePrefix), argument.count > Self.explorePrefix.count { continue }
            guard ReportWriter.Destination(argument: argument) != nil else {
                throw ValidationError(
                    "--report '\(argument)' is not FORMAT:PATH with FORMAT one of "
                        + "\(ReportWriter.registry.formatNames) or explore-json")
            }
        }
    }

    func run() async throws {
        let catalog = try location.load()
        let profile = try target.map(TargetProfile.loadForCommand)
        if case .manual = profile?.fixtures {
            throw CommandFailure(
                "explore resets the target and routes an interaction for every sequence: give the profile http or "
                    + "command fixtures (docs/fixtures.md), not manual ones",
                code: ExitStatus.usage)
        }
        let startedAt = Date()
        let transport = try profile?.checkedTransport()
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: transport?.httpClientConfiguration ?? TargetClient.httpClientConfiguration)
        let options = Exploration.Options(seed: seed, sequences: sequences, steps: steps, concurrency: concurrency)
        let command = self
        // Ctrl-C stops the exploration after the sequence under way; what was found is still written.
        let (outcome, interrupted) = await Interrupt.run {
            () -> Result<(Exploration.Result, TargetProfile), CommandFailure> in
            do {
                if let profile {
                    if let problem = await Exploration.unreachable(profile) {
                        throw CommandFailure("the target is unreachable: \(problem)", code: ExitStatus.unreachable)
                    }
                    return .success((try await command.explore(profile, catalog, options, httpClient), profile))
                }
                return .success(
                    try await EmbeddedTarget.withServer(command.embedded.options) { profile in
                        (try await command.explore(profile, catalog, options, httpClient), profile)
                    })
            } catch let failure as CommandFailure {
                return .failure(failure)
            } catch let failure as FixtureFailure {
                return .failure(
                    CommandFailure(
                        "the target's fixtures failed: \(failure.description)", code: ExitStatus.unreachable))
            } catch {
                return .failure(CommandFailure("explore could not run: \(error)", code: ExitStatus.usage))
            }
        }
        if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        try? await httpClient.shutdown()
        let (result, used) = try outcome.get()
        let paths = try write(result)
        try writeReports(
            result.runResult(profile: used, catalog: catalog, startedAt: startedAt, casePaths: paths), result)
        if interrupted || !result.complete {
            FileHandle.standardError.write(Data("Interrupted: the findings cover the sequences that ran.\n".utf8))
            throw ExitCode(Interrupt.exitCode)
        }
        if !result.findings.isEmpty { throw ExitCode(ExitStatus.deviations) }
    }

    func explore(_ profile: TargetProfile, _ catalog: Catalog, _ options: Exploration.Options, _ httpClient: HTTPClient)
        async throws -> Exploration.Result
    {
        let client = TargetClient(
            httpClient: httpClient, timeout: profile.timeouts.request, keepsCookies: profile.cookies)
        let explorer: Explorer
        do {
            explorer = try Explorer(profile: profile, client: client, catalog: catalog)
        } catch {
            throw CommandFailure("catalog: \(error)", code: ExitStatus.usage)
        }
        return try await Exploration.run(explorer, options: options) { done, total, found in
            guard done % 10 == 0 || done == total else { return }
            // On a terminal the line is rewritten in place; in a CI log each update is a line of its own.
            let line = "[explore] \(done)/\(total) sequences, \(found) finding\(found == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((isatty(STDERR_FILENO) != 0 ? "\r" + line : line + "\n").utf8))
        }
    }

    /// Prints the findings and writes their cases; the paths written, in the findings' order.
    func write(_ result: Exploration.Result) throws -> [String] {
        let perThousand = result.stepsRun == 0 ? 0 : result.durationMs * 1000 / result.stepsRun
        let ran = result.complete ? "\(result.sequences)" : "\(result.sequencesRun) of \(result.sequences)"
        print(
            "Explored \(ran) sequences of \(result.stepsPerSequence) steps (seed \(result.seed)"
                + "\(result.concurrency ? ", pairs sent at once" : "")): \(result.stepsRun) steps in "
                + "\(result.durationMs) ms (\(perThousand) ms per 1,000 steps).")
        if !result.notificationsJudged {
            print("Notifications were not all judged: \(result.notificationProblems.joined(separator: "; ")).")
        }
        if !result.readings.isEmpty {
            print(
                "Readings the target showed: "
                    + result.readings.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: ", "))
        }
        var paths: [String] = []
        for finding in result.findings {
            let path = (out as NSString).appendingPathComponent(
                "\(finding.requirement.lowercased())-seed\(result.seed)-\(finding.sequence).yaml")
            do {
                try ReportRegistry<ReportWriter.Format, RunResult>.save(Data(finding.caseYAML.utf8), to: path)
            } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)", code: ExitStatus.usage)
            }
            paths.append(path)
            print("")
            print("FINDING \(finding.requirement): \(finding.message)")
            print(
                "  shrunk from \(finding.originalSteps) to \(finding.steps.count) steps (sequence \(finding.sequence)):"
            )
            for (index, step) in finding.steps.enumerated() { print("    \(index + 1). \(step)") }
            print("  case written to \(path)")
        }
        print(result.findings.isEmpty ? "\nNo findings." : "\n\(result.findings.count) finding(s).")
        return paths
    }

    func writeReports(_ run: RunResult, _ result: Exploration.Result) throws {
        var problems: [String] = []
        for argument in report where argument.hasPrefix(Self.explorePrefix) {
            let path = String(argument.dropFirst(Self.explorePrefix.count))
            do {
                let data = try JSONRenderer<Exploration.Result>().render(result)
                try ReportRegistry<ReportWriter.Format, RunResult>.save(data, to: path)
            } catch {
                problems.append("cannot write \(path): \(error.localizedDescription)")
            }
        }
        let destinations = report.filter { !$0.hasPrefix(Self.explorePrefix) }
            .compactMap(ReportWriter.Destination.init(argument:))
        problems += ReportWriter.write(run, to: destinations)
        for problem in problems { FileHandle.standardError.write(Data(("error: " + problem + "\n").utf8)) }
        if !problems.isEmpty { throw ExitCode(ExitStatus.usage) }
    }
}
