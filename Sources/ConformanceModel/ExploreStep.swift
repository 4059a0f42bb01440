/// One step of an explored sequence on one interaction: an operation by an agent, two operations sent at once by
/// two agents, or an agent's GET of `/me/interactions` (with `fields=*`, or the list of URIs) to see whether it
/// lists the interaction.
public enum ExploreStep: Hashable, Sendable, CustomStringConvertible {
    case operation(agent: String, ModelOperation)
    /// Two requests sent at once; the answers must be those of one order of the two.
    case pair(ExploreAction, ExploreAction)
    case listing(agent: String)
    case uris(agent: String)

    public var description: String {
        switch self {
        case .operation(let agent, let operation): "\(agent) \(operation)"
        case .pair(let first, let second): "at once: \(first) | \(second)"
        case .listing(let agent): "\(agent) GET /me/interactions?fields=*"
        case .uris(let agent): "\(agent) GET /me/interactions"
        }
    }
}

/// An operation by an agent: one half of a pair of requests sent at once.
public struct ExploreAction: Hashable, Sendable, CustomStringConvertible {
    public var agent: String
    public var operation: ModelOperation

    public init(_ agent: String, _ operation: ModelOperation) {
        self.agent = agent
        self.operation = operation
    }

    public var description: String { "\(agent) \(operation)" }
}
