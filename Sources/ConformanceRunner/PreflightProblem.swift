import ConformanceKit

/// A mistake in the target profile that only the server can reveal, found before the first case: which profile
/// field to fix, and what the server answered.
public struct PreflightProblem: Sendable, Hashable, CustomStringConvertible {
    /// The profile field to fix: `agents[1].password`, `fixtures.url`, `notifications`, `baseURL`.
    public var field: String
    /// What the suite tried and what the target answered.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// The reason every case gets in the reports of a run the preflight stopped.
    public static func summary(_ problems: [PreflightProblem]) -> String {
        "the preflight found \(problems.count == 1 ? "a problem" : "\(problems.count) problems") in the target "
            + "profile, so no case ran: " + problems.map(\.description).joined(separator: "; ")
    }
}
