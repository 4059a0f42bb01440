import ArgumentParser
import AsyncHTTPClient
import ConformanceKit
import EmbeddedTarget
import Foundation

/// `conformance selftest`: the mutation score of the catalog, and its precision on a conformant variant.
struct SelfTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run the catalog against the reference server with each deviation switch, and against its variant.",
        discussion: """
            Each switch breaks one documented behaviour; the catalog must catch it (killed) and name the \
            requirement the switch was written to break. The variant differs from the reference only where the \
            document allows, and must get no FAIL and no ERROR. Exit 0 when every switch is killed for the right \
            reason and the variant is clean, 1 otherwise.

            Examples:
              conformance selftest
              conformance selftest --only ok-uppercase --only no-left-conference
            """
    )

    @Option(name: .long, help: "Directory holding specs/ and golden/.")
    var catalog: String?

    @Option(name: .long, help: "Runs at once (each with its own server); default 4.")
    var jobs = 4

    @Option(name: .long, help: "Only this switch (repeatable).")
    var only: [String] = []

    func run() async throws {
        let catalog = CatalogLocation.load(catalog)
        let known = Set(EmbeddedTarget.switches.map(\.name))
        if let unknown = only.first(where: { !known.contains($0) }) {
            throw ValidationError(
                "--only '\(unknown)' is not a switch; `conformance serve --list-deviations` lists them")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: RunCommand.clientConfiguration)
        let total = only.isEmpty ? known.count : only.count
        let finished = Locked(0)
        let result: (outcomes: [MutationTest.Outcome], variant: RunResult)
        do {
            // The embedded server answers on loopback: 2 s is ample for a notification that is coming at all.
            result = try await EmbeddedTarget.selfTest(
                catalog: catalog,
                jobs: jobs,
                httpClient: httpClient,
                only: only,
                notificationTimeout: .seconds(2)
            ) { outcome in
                let done = finished.withLock { count -> Int in
                    count += 1
                    return count
                }
                say("[\(done)/\(total)] \(outcome.name): \(outcome.killed ? "killed" : "SURVIVED")")
            }
        } catch {
            try? await httpClient.shutdown()
            failAndExit("selftest could not run: \(error)", code: 1)
        }
        try? await httpClient.shutdown()
        say("")
        say(MutationTest.table(result.outcomes))
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
        let perfect = result.outcomes.allSatisfy { $0.killed && $0.rightReason }
        if !perfect || variant.fail > 0 || variant.error > 0 { throw ExitCode(ExitStatus.deviations) }
    }
}
