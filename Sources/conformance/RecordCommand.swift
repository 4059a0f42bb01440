import ArgumentParser
import AsyncHTTPClient
import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import ConformanceRunner
import EmbeddedTarget
import Foundation

/// `conformance record`: writes goldens from what a target answers, for review as a diff.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract:
            "Write golden files from a target's answers, with volatile values turned into templates and matchers.",
        discussion: """
            Runs the selected cases, takes each answer where a golden is expected, replaces interaction ids and \
            other bound values with ${...} templates, URLs with $regex: matchers and date-times with $string, \
            writes it in canonical form, and prints the diff against the committed golden. Review the diff before \
            committing: a golden says what every conforming target must answer.

            Modes: missing (only goldens that do not exist), failed (goldens the answer did not match), all.

            Examples:
              conformance record --mode missing
              conformance record --target lab.yaml --mode failed --filter 'me-interactions-*'
            """
    )

    @Option(name: .long, help: "Target profile; default: the embedded reference server.")
    var target: String?

    @Option(name: .long, help: "missing, failed or all.")
    var mode = "missing"

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var location: CatalogOptions

    @Flag(name: .long, help: "Print the diffs without writing any file.")
    var dryRun = false

    func run() async throws {
        guard let recordMode = GoldenRecorder.Mode(rawValue: mode) else {
            throw ValidationError("--mode '\(mode)' is not one of missing, failed, all")
        }
        let root = try location.writableRoot(for: "record")
        let catalog: Catalog
        do {
            catalog = try Catalog.load(root: root, allowMissingGoldens: recordMode == .missing)
        } catch {
            throw CommandFailure("catalog: \(error)", code: ExitStatus.usage)
        }
        let profile = try target.map(TargetProfile.loadForCommand)
        let observations = Locked<[GoldenObservation]>([])
        let options = RunOptions(filters: selection.filter)
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let collect: @Sendable (Runner.Event) async -> Void = { event in
            if case .goldenObserved(let observation) = event { observations.withLock { $0.append(observation) } }
        }
        let outcome: Result<RunResult, Runner.Unreachable>
        if let profile {
            do {
                outcome = .success(
                    try await Runner(catalog: catalog, profile: profile, options: options).run(
                        httpClient: httpClient,
                        progress: collect
                    )
                )
            } catch {
                outcome = .failure(error)
            }
        } else {
            outcome =
                (try? await EmbeddedTarget.run(
                    catalog: catalog,
                    runOptions: options,
                    options: EmbeddedTarget.Options(),
                    httpClient: httpClient,
                    progress: collect
                )) ?? .failure(Runner.Unreachable(description: "the embedded reference server failed to start"))
        }
        try? await httpClient.shutdown()
        if case .failure(let unreachable) = outcome {
            throw CommandFailure(unreachable.description, code: ExitStatus.unreachable)
        }
        let goldenRoot = (root as NSString).appendingPathComponent("golden")
        let changes = GoldenRecorder.changes(observations.current, mode: recordMode, goldenRoot: goldenRoot)
        for change in changes {
            print("\(change.isNew ? "new" : "changed"): golden/\(change.path)")
            for line in change.diff { print("    " + line) }
            guard !dryRun else { continue }
            let path = (goldenRoot as NSString).appendingPathComponent(change.path)
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true
                )
                try change.text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)", code: 1)
            }
        }
        print(
            "\(changes.count) golden file\(changes.count == 1 ? "" : "s") \(dryRun ? "would change" : "written") (mode \(mode))."
        )
    }
}
