import Foundation

/// How a run selects and judges cases.
public struct RunOptions: Sendable {
    /// Case id globs (`accept-*`); a case runs when any matches, or when the list is empty.
    public var filters: [String] = []
    /// WARN counts as a failure for the exit code.
    public var strict = false
    /// Overrides the profile's per-request deadline.
    public var requestTimeout: Duration?
    /// Cases run at once (each on its own group of three agents; fewer when the profile has fewer groups).
    public var jobs: Int

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

    /// Whether the case is selected.
    public func selects(_ testCase: ConformanceCase) -> Bool {
        filters.isEmpty || filters.contains { Glob.matches($0, testCase.id) || $0 == testCase.operation }
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
