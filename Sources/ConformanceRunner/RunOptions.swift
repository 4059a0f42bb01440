import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import Foundation

/// How a run selects and judges cases.
public struct RunOptions: Sendable {
    /// Case id globs (`accept-*`); a case runs when any matches, or when the list is empty.
    public var filters: [String] = []
    /// WARN counts as a failure for the exit code.
    public var strict = false
    /// Overrides the profile's per-request deadline.
    public var requestTimeout: Duration?
    /// `(index, count)`: run only the cases at positions index-1, index-1+count, ... of the selection.
    public var shard: (index: Int, count: Int)?
    /// At most this many cases run at once; each also needs its agents free (``ConformanceCase/agentsNeeded``).
    public var jobs: Int
    /// Exchanges in a row, across cases, that may get no answer before the run stops (0: never stop).
    public var maxTransportFailures = CircuitBreaker.defaultLimit
    /// The profile's media types to run the catalog under (`--media-type`); empty: every one of them.
    public var mediaTypes: [String] = []

    public init(
        filters: [String] = [],
        strict: Bool = false,
        requestTimeout: Duration? = nil,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.filters = filters
        self.strict = strict
        self.requestTimeout = requestTimeout
        self.jobs = max(1, jobs)
    }

    /// Whether the case is selected by the filters: a case id glob, an operation name, or a requirement id.
    public func selects(_ testCase: ConformanceCase) -> Bool {
        filters.isEmpty
            || filters.contains {
                Glob.matches($0, testCase.id) || $0 == testCase.operation || testCase.requirements.contains($0)
            }
    }

    /// The cases of the catalog this run executes: filtered, then this shard's share, in catalog order.
    public func select(_ cases: [ConformanceCase]) -> [ConformanceCase] {
        let filtered = cases.filter(selects)
        guard let shard else { return filtered }
        return filtered.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
    }

    /// The selection as the report records it.
    public var selection: RunSelection {
        RunSelection(
            filters: filters, mediaTypes: mediaTypes,
            shard: shard.map { RunSelection.Shard(index: $0.index, count: $0.count) })
    }

    /// Parses `i/n` with 1 <= i <= n.
    public static func shard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index)
        else { return nil }
        return (index, count)
    }
}

/// Shell-style `*` and `?` matching for case ids.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern), Array(text))
    }

    private static func matches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if let star {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
