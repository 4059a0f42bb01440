import ArgumentParser
import AsyncHTTPClient
import ConformanceKit
import ConformanceReport
import EmbeddedTarget
import Foundation

/// `conformance bench`: how close a full run gets to the cost of the HTTP exchanges it must make.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the full catalog against the embedded server, serially and in parallel.",
        discussion: """
            Prints per --jobs setting: cases, HTTP exchanges and notifications per run, wall time min/median/max, \
            and the ratio of the median wall time to the physical floor, then the peak memory. The floor takes \
            every exchange at the fastest round trip measured in the same run: no run beats its longest case's \
            chain of exchanges, nor all its exchanges spread over the cases that can run at once (one per agent, \
            at most --jobs). On loopback (no --latency) the suite and the server share the processors, so the \
            floor is every exchange one after the other. With few agents an agent-time floor is printed too: a \
            case holds each agent it uses for all its exchanges. Build in release mode for meaningful figures.

            --latency delays every REST answer of the embedded server (API and fixtures, not the Bayeux \
            long-polls), to measure a run against a target across a network link.

            --notification-latency delivers the embedded server's notifications that long after the change on \
            average (250 ms either side, in order per agent), to measure a run against a slow message bus. The \
            notification floor then counts each case's waits one after the other (a wait per change that a \
            notification step waits on, and the absence barrier when no such wait covers it) at the mean \
            latency: no run beats its longest case's chain of waits, nor the agents' time (waits × agents held) \
            spread over the agents.

            The catalog runs under the embedded server's first media type only, so that every figure is per case.

            Examples:
              swift run -c release conformance bench --runs 10
              swift run -c release conformance bench --latency 20ms --agents 12
              swift run -c release conformance bench --latency 20ms --agents 4 --jobs 4
              swift run -c release conformance bench --notification-latency 450ms --agents 4 --runs 3
            """
    )

    @OptionGroup var location: CatalogOptions

    @Option(name: .long, help: "Timed runs per setting (after one warm-up run).")
    var runs = 5

    @Option(name: .long, help: "Agents of the embedded server (a case leases the 1 to 3 agents it uses).")
    var agents = 12

    @Option(
        name: .long,
        help:
            "Delay every REST answer of the embedded server by this much, e.g. 20ms, to stand for a network link.")
    var latency: String?

    @Option(
        name: .long,
        help:
            "Deliver the embedded server's notifications this long after the change on average (200-700 ms for 450ms), in order per agent: a message bus."
    )
    var notificationLatency: String?

    @Option(
        name: .long,
        help:
            "A --jobs setting to time (repeatable; default: 1 and the core count, or the agent count with --latency).")
    var jobs: [Int] = []

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard agents >= 3 else { throw ValidationError("--agents must be at least 3") }
        if let latency, DurationText.parse(latency) == nil {
            throw ValidationError("--latency '\(latency)' is not a duration like 20ms or 0.5s")
        }
        if jobs.contains(where: { $0 < 1 }) { throw ValidationError("--jobs must be at least 1") }
        if let notificationLatency, DurationText.parse(notificationLatency) == nil {
            throw ValidationError(
                "--notification-latency '\(notificationLatency)' is not a duration like 450ms or 0.5s")
        }
    }

    func run() async throws {
        let catalog = try location.load()
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let delay = latency.flatMap(DurationText.parse) ?? .zero
        let notificationDelay = notificationLatency.flatMap { DurationText.parse($0) } ?? .zero
        let defaults =
            delay > .zero || notificationDelay > .zero ? [agents] : [1, ProcessInfo.processInfo.activeProcessorCount]
        let settings = (jobs.isEmpty ? defaults : jobs).reduce(into: [Int]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        do {
            let series = try await Benchmark.run(
                catalog: catalog,
                runs: runs,
                jobsSettings: settings,
                agents: agents,
                latency: delay,
                notificationLatency: notificationDelay,
                httpClient: httpClient
            ) { say($0) }
            try? await httpClient.shutdown()
            say(Benchmark.report(series, peakMemoryKiB: Benchmark.peakMemoryKiB()))
        } catch {
            try? await httpClient.shutdown()
            throw CommandFailure("bench could not run: \(error)", code: 1)
        }
    }
}
