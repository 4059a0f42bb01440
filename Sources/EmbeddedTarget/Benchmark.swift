import AsyncHTTPClient
import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import ConformanceRunner
import Foundation
import ReferenceServer

/// `conformance bench`: the full catalog against the embedded server, timed against the physical floor.
public enum Benchmark {
    /// The measurements of one `--jobs` setting.
    public struct Series: Sendable {
        public var jobs: Int
        /// Agents of the embedded server (and so of the profile).
        public var agents: Int
        public var walls: [Duration] = []
        public var cases = 0
        public var exchanges = 0
        public var notifications = 0
        /// The most exchanges one case makes, one after the other: the longest chain.
        public var longestChain = 0
        /// Exchanges weighted by the agents their case holds, summed over the cases.
        public var agentExchanges = 0
        /// The fastest round trip measured between runs (it includes the server's added latency).
        public var minimalRoundTrip: Duration = .seconds(1)
        /// Verdict per case id, from the last run.
        public var verdicts: [String: Verdict] = [:]
        /// Whether the server added latency to its answers (a stand-in for a network link).
        public var latency = false
        /// The mean delay of the server's notifications (a message bus); zero delivers at once.
        public var notificationLatency: Duration = .zero
        /// The most notification waits one case makes, one after the other (``ConformanceCase/expectedNotificationWaits``).
        public var longestWaitChain = 0
        /// Notification waits weighted by the agents their case holds, summed over the cases.
        public var agentWaits = 0

        /// The floor a notification latency sets: no run beats its longest case's chain of waits, nor the agents'
        /// time (waits × agents held) spread over the profile's agents; each wait costs the mean latency.
        public var notificationFloor: Duration {
            max(notificationLatency * longestWaitChain, notificationLatency * agentWaits / max(1, agents))
        }

        /// How many exchanges can be under way at once in the floor: one per case that can run (`jobs`, at most
        /// one per agent) across a link; one on loopback, where the round trip is the processors' time and the
        /// suite and the server share them.
        public var concurrency: Int { latency ? max(1, min(jobs, agents)) : 1 }

        /// The physical floor: every exchange costs the fastest round trip; no run can beat its longest chain of
        /// sequential exchanges, nor all its exchanges spread evenly over the cases that can run at once. With
        /// `--jobs 1`, and on loopback, this is every exchange one after the other.
        public var floor: Duration {
            max(minimalRoundTrip * longestChain, minimalRoundTrip * exchanges / concurrency)
        }

        /// A tighter floor for profiles with few agents: a case holds all of its agents for each of its exchanges,
        /// so the agents' time (exchanges × agents held) is spread over the profile's agents.
        public var agentTimeFloor: Duration {
            max(floor, minimalRoundTrip * agentExchanges / max(1, agents))
        }

        public var median: Duration {
            let sorted = walls.sorted()
            return sorted.isEmpty ? .zero : sorted[sorted.count / 2]
        }
    }

    /// Runs the catalog `runs` times per jobs setting (after one warm-up run each) against one embedded server.
    public static func run(
        catalog: Catalog,
        runs: Int,
        jobsSettings: [Int],
        agents: Int,
        latency: Duration = .zero,
        notificationLatency: Duration = .zero,
        httpClient: HTTPClient,
        progress: @escaping @Sendable (String) -> Void
    ) async throws -> [Series] {
        var configuration = ReferenceServerConfiguration.generated()
        configuration.agents = EmbeddedTarget.agents(count: agents)
        configuration.latency = latency
        configuration.notificationLatency = notificationLatency
        let needs = Dictionary(
            uniqueKeysWithValues: catalog.cases.map { ($0.id, $0.wholeProfile ? max(3, agents) : $0.agentsNeeded) })
        let waits = Dictionary(uniqueKeysWithValues: catalog.cases.map { ($0.id, $0.expectedNotificationWaits) })
        return try await ReferenceServer.withRunning(configuration) { server in
            let profile = try TargetProfile.parse(yaml: server.profileYAML(name: "benchmark"), file: "embedded profile")
            var all: [Series] = []
            for jobs in jobsSettings {
                var series = Series(jobs: jobs, agents: profile.agents.count)
                series.latency = latency > .zero
                series.notificationLatency = notificationLatency
                // One media type, so that every figure is per case as the catalog writes it (a run over two
                // media types makes each case twice).
                var options = RunOptions(jobs: jobs)
                options.mediaTypes = Array(profile.mediaTypes.prefix(1))
                let runner = Runner(catalog: catalog, profile: profile, options: options)
                for index in 0...runs {
                    let clock = ContinuousClock()
                    let start = clock.now
                    let result = try await runner.run(httpClient: httpClient) { _ in }
                    let wall = clock.now - start
                    series.minimalRoundTrip = min(
                        series.minimalRoundTrip,
                        try await minimalRoundTrip(profile: profile, httpClient: httpClient)
                    )
                    guard index > 0 else { continue }
                    series.walls.append(wall)
                    series.cases = result.summary.total
                    series.exchanges = result.exchanges ?? 0
                    series.longestChain = result.cases.compactMap(\.exchanges).max() ?? 0
                    series.agentExchanges = result.cases.reduce(0) { $0 + ($1.exchanges ?? 0) * (needs[$1.id] ?? 1) }
                    series.notifications = result.notifications ?? 0
                    series.longestWaitChain = result.cases.map { waits[$0.id] ?? 0 }.max() ?? 0
                    series.agentWaits = result.cases.reduce(0) { $0 + (waits[$1.id] ?? 0) * (needs[$1.id] ?? 1) }
                    series.verdicts = Dictionary(uniqueKeysWithValues: result.cases.map { ($0.id, $0.verdict) })
                    progress("jobs \(jobs): run \(index)/\(runs) \(milliseconds(wall)) ms")
                }
                all.append(series)
            }
            return all
        }
    }

    /// The fastest of 50 authenticated GETs.
    static func minimalRoundTrip(profile: TargetProfile, httpClient: HTTPClient) async throws -> Duration {
        let client = TargetClient(httpClient: httpClient, timeout: .seconds(5))
        let agent = profile.agents[0]
        let authorization = BasicAuth.header(agent.username, agent.password)
        var fastest = Duration.seconds(1)
        let clock = ContinuousClock()
        for _ in 0..<50 {
            let start = clock.now
            _ = try await client.send(
                method: "GET",
                url: profile.baseURL + "/me/interactions",
                headers: [("Authorization", authorization)],
                body: nil
            )
            fastest = min(fastest, clock.now - start)
        }
        return fastest
    }

    /// The peak resident memory of this process (Linux `VmHWM`), in KiB, if known.
    public static func peakMemoryKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", seconds(duration) * 1000)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The table `conformance bench` prints.
    public static func report(_ series: [Series], peakMemoryKiB: Int?) -> String {
        var lines: [String] = []
        for entry in series {
            let walls = entry.walls.sorted()
            let ratio = seconds(entry.median) / max(seconds(entry.floor), 1e-9)
            lines.append(
                "--jobs \(entry.jobs), \(entry.agents) agents: \(entry.cases) cases, \(entry.exchanges) HTTP exchanges (longest case \(entry.longestChain)), \(entry.notifications) notifications per run"
            )
            lines.append(
                "  wall min/median/max: \(milliseconds(walls.first ?? .zero)) / \(milliseconds(entry.median)) / \(milliseconds(walls.last ?? .zero)) ms over \(walls.count) runs"
            )
            let roundTrip = String(format: "%.3f", seconds(entry.minimalRoundTrip) * 1000)
            lines.append(
                "  floor (fastest round trip \(roundTrip) ms × max(longest case, exchanges / \(entry.concurrency))): \(milliseconds(entry.floor)) ms; median wall / floor = \(String(format: "%.2f", ratio))×"
            )
            if entry.notificationLatency > .zero {
                let ratio = seconds(entry.median) / max(seconds(entry.notificationFloor), 1e-9)
                lines.append(
                    "  notification floor (\(milliseconds(entry.notificationLatency)) ms × max(longest chain of waits \(entry.longestWaitChain), waits × agents held \(entry.agentWaits) / \(entry.agents) agents)): \(milliseconds(entry.notificationFloor)) ms; median wall / notification floor = \(String(format: "%.2f", ratio))×"
                )
            }
            if entry.agentTimeFloor > entry.floor {
                let agentRatio = seconds(entry.median) / max(seconds(entry.agentTimeFloor), 1e-9)
                lines.append(
                    "  agent-time floor (exchanges × agents held / \(entry.agents) agents): \(milliseconds(entry.agentTimeFloor)) ms; median wall / agent-time floor = \(String(format: "%.2f", agentRatio))×"
                )
            }
        }
        if series.count > 1 {
            let same = series.dropFirst().allSatisfy { $0.verdicts == series[0].verdicts }
            lines.append("Verdicts identical across --jobs settings: \(same ? "yes" : "NO")")
        }
        if let peak = peakMemoryKiB { lines.append("Peak memory of the process: \(peak / 1024) MiB") }
        return lines.joined(separator: "\n")
    }
}
