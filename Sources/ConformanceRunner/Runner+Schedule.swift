import ConformanceCatalog

extension Runner {
    /// The order cases start in: catalog order when they run one at a time; otherwise the biggest first, by the
    /// agent time they take (agents held × exchanges expected), as in longest-processing-time-first scheduling:
    /// big cases started last would leave the run waiting on them alone, and are the hardest to place once
    /// single-agent cases hold agents. Results are reported in catalog order either way.
    static func schedule(_ cases: [ConformanceCase], jobs: Int) -> [Int] {
        guard jobs > 1 else { return Array(cases.indices) }
        let size = cases.map { $0.agentsNeeded * $0.expectedExchanges }
        return cases.indices.sorted { (-size[$0], $0) < (-size[$1], $1) }
    }
}
