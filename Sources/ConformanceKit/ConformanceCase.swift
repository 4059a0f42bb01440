import ConformanceJSON

/// One case of the catalog: set-up, the exchanges under test, and what must (and must not) happen.
public struct ConformanceCase: Sendable, Identifiable {
    public var id: String
    /// The operation the case belongs to (the catalog file's `operation`).
    public var operation: String
    public var title: String
    /// Every requirement the case checks, in citation order.
    public var requirements: [String]
    /// Steps that establish the situation; when one fails the case stops.
    public var given: [Step]
    /// Steps under test; deviations are collected across all of them.
    public var steps: [Step]
    /// Where the case is written, for messages.
    public var file: String
    public var line: Int?

    /// The profile roles (`agent1`, `admin`, ...) the case uses.
    public var roles: [String] {
        var seen: [String] = []
        for step in given + steps {
            for role in step.roles where !seen.contains(role) { seen.append(role) }
        }
        return seen
    }
}
