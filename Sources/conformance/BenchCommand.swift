import ArgumentParser
import AsyncHTTPClient
import ConformanceKit
import EmbeddedTarget
import Foundation

/// `conformance bench`: how close a full run gets to the cost of the HTTP exchanges it must make.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the full catalog against the embedded server, serially and in parallel.",
        discussion: """
            Prints per --jobs setting: cases, HTTP exchanges and notifications per run, wall time min/median/max, \
            and the ratio of the median wall time to the physical floor (the run's exchanges at the fastest \
            loopback round trip measured in the same run), then the peak memory. Build in release mode for \
            meaningful figures.

            Example:
              swift run -c release conformance bench --runs 10
            """
    )

    @Option(name: .long, help: "Directory holding specs/ and golden/.")
    var catalog: String?

    @Option(name: .long, help: "Timed runs per setting (after one warm-up run).")
    var runs = 5

    @Option(name: .long, help: "Agents of the embedded server (cases lease three each).")
    var agents = 12

    func run() async throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        let catalog = CatalogLocation.load(catalog)
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let settings = [1, ProcessInfo.processInfo.activeProcessorCount].reduce(into: [Int]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        do {
            let series = try await Benchmark.run(
                catalog: catalog,
                runs: runs,
                jobsSettings: settings,
                agents: agents,
                httpClient: httpClient
            ) { say($0) }
            try? await httpClient.shutdown()
            say(Benchmark.report(series, peakMemoryKiB: Benchmark.peakMemoryKiB()))
        } catch {
            try? await httpClient.shutdown()
            failAndExit("bench could not run: \(error)", code: 1)
        }
    }
}
