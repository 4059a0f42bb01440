import ArgumentParser
import AsyncHTTPClient
import ConformanceKit
import ConformanceReport
import EmbeddedTarget
import Foundation

/// `conformance selftest`: the mutation score of the catalog, and its precision on a conformant variant.
struct SelfTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract:
            "Run the catalog against the reference server with each deviation switch, each reading, and its variant.",
        discussion: """
            Each switch breaks one documented behaviour. A switch that breaks a MUST counts as killed only when \
            the run FAILs (exit 1) with the requirement it breaks among the failing deviations, under every \
            configuration of the server (the default readings, each reading alternative alone, all of them at \
            once, and the variant: the switch × configuration matrix), and, for a switch that breaks several \
            operations (its `sites`), on each of them. A switch that \
            breaks only a SHOULD must WARN on that requirement and is listed in its own rows, not as a kill. \
            A switch run takes only the cases that cite a requirement the switch breaks. \
            Each alternative of each reading of the document (alone, then all non-default ones at once), each \
            deployment trait of `serve --deploy` (a session cookie, session expiry, closed connections, other \
            messages, slow notifications; alone, then all at once), and the variant (which differs from the \
            reference wherever the document allows), must get no FAIL and no ERROR. Exit 0 when all of that holds, 1 otherwise.

            Examples:
              conformance selftest
              conformance selftest --quick          # the switches at the default readings only
              conformance selftest --coverage       # also: MUST requirements no switch breaks
              conformance selftest --only ok-uppercase --only no-left-conference
            """
    )

    @OptionGroup var location: CatalogOptions

    @Option(name: .long, help: "Runs at once (each with its own server; most of a switch run is waiting); default 24.")
    var jobs = 24

    @Option(name: .long, help: "Only this switch (repeatable); skips the readings unless --readings is given.")
    var only: [String] = []

    @Flag(help: "Run the switches at the default readings only, not under every configuration of the server.")
    var quick = false

    @Flag(help: "List the MUST requirements the catalog asserts that no switch breaks; exit 1 when there is one.")
    var coverage = false

    @Flag(
        name: .customLong("readings"), inversion: .prefixedNo,
        help: "Run the catalog against every reading alternative alone and all at once (default: on, off with --only)."
    )
    var readings: Bool?

    func run() async throws {
        let catalog = try location.load()
        if coverage, !only.isEmpty {
            throw ValidationError("--coverage needs every switch: it cannot be given with --only")
        }
        let known = Set(EmbeddedTarget.switchNames)
        if let unknown = only.first(where: { !known.contains($0) }) {
            throw ValidationError(
                "--only '\(unknown)' is not a switch; `conformance serve --list-deviations` lists them")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let withReadings = readings ?? only.isEmpty
        let total =
            (only.isEmpty ? known.count : only.count) * EmbeddedTarget.switchConfigurations(quick: quick).count
            + (withReadings
                ? EmbeddedTarget.readingConfigurations.count + EmbeddedTarget.deploymentConfigurations.count : 0)
        let finished = Locked(0)
        let result: EmbeddedTarget.SelfTestResult
        do {
            // The embedded server answers on loopback: 2 s is ample for a notification that is coming at all.
            result = try await EmbeddedTarget.selfTest(
                catalog: catalog,
                jobs: jobs,
                httpClient: httpClient,
                only: only,
                readings: withReadings,
                quick: quick,
                notificationTimeout: .seconds(2)
            ) { line in
                let done = finished.withLock { count -> Int in
                    count += 1
                    return count
                }
                say("[\(done)/\(total)] \(line)")
            }
        } catch {
            try? await httpClient.shutdown()
            throw CommandFailure("selftest could not run: \(error)", code: 1)
        }
        try? await httpClient.shutdown()
        say("")
        say(MutationTest.table(result.outcomes))
        let matrix = MutationTest.matrixTable(result.matrix, configurations: result.switchConfigurations)
        if !matrix.isEmpty {
            say("")
            say(matrix)
        }
        var uncovered: [String] = []
        if coverage {
            say("")
            say(MutationCoverage.report(catalog, outcomes: result.outcomes))
            uncovered = MutationCoverage.uncovered(catalog, outcomes: result.outcomes).map(\.id)
        }
        if !result.readings.isEmpty {
            say("")
            say(ReadingMatrix.table(result.readings))
        }
        say("")
        let variant = result.variant.summary
        say(
            "Variant (conformant but different): \(variant.total) cases, \(variant.pass) PASS, \(variant.note) NOTE, "
                + "\(variant.warn) WARN, \(variant.fail) FAIL, \(variant.error) ERROR"
        )
        for failing in result.variant.cases where [.fail, .error].contains(failing.verdict) {
            say(
                "  \(failing.verdict.rawValue) \(failing.id): \(failing.deviations.first?.message ?? failing.error ?? "")"
            )
        }
        let seconds = Double(DurationText.milliseconds(clock.now - start)) / 1000
        say(String(format: "Selftest wall time: %.1f s", seconds))
        let perfect =
            result.outcomes.allSatisfy(\.caught) && result.readings.allSatisfy(\.clean) && uncovered.isEmpty
        if !perfect || variant.fail > 0 || variant.error > 0 { throw ExitCode(ExitStatus.deviations) }
    }
}
