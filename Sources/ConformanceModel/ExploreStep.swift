/// One step of an explored sequence on one interaction: an operation by an agent, two operations sent at once by
/// two agents, or an agent's GET of `/me/interactions` (with `fields=*`, or the list of URIs) to see whether it
/// lists the interaction.
public enum ExploreStep: Hashable, Sendable, CustomStringConvertible {
    case operation(agent: String, ModelOperation)
    /// Two requests sent at once; the answers must be those of one order of the two.
    case pair(ExploreAction, ExploreAction)
    case listing(agent: String)
    case uris(agent: String)
    /// An operation the interaction must not feel: on an id that does not exist, or without the agent's
    /// credentials.
    case stray(agent: String, ModelOperation, Stray)
    /// A request the model judges in any state and that changes nothing: by an agent, or by the admin
    /// (`ExploreProbe.admin`).
    case probe(agent: String, ExploreProbe)
    /// An operation by the Contact Center Admin: refused whatever the state (OPERATION-PERMISSIONS), and not done.
    case admin(ModelOperation)

    public var description: String {
        switch self {
        case .operation(let agent, let operation): "\(agent) \(operation)"
        case .pair(let first, let second): "at once: \(first) | \(second)"
        case .listing(let agent): "\(agent) GET /me/interactions?fields=*"
        case .uris(let agent): "\(agent) GET /me/interactions"
        case .stray(let agent, let operation, let stray): "\(agent) \(operation) \(stray.rawValue)"
        case .probe(let agent, let probe): "\(agent) \(probe.rawValue)"
        case .admin(let operation): "\(ExploreProbe.admin) \(operation)"
        }
    }
}

extension ExploreStep {
    /// Whether the step may send an agent a message in an invitation's state: a Reject (presented to another
    /// agent) or a hand-over (to it; or to another, of which the agents on the interaction may be told in that
    /// agent's words). Within a pair, the invitation may come and be accepted before the step ends.
    public var mayInvite: Bool {
        let operations: [ModelOperation] =
            switch self {
            case .operation(_, let operation): [operation]
            case .pair(let first, let second): [first.operation, second.operation]
            default: []
            }
        return operations.contains { $0 == .reject || $0.handsOver }
    }
}

/// How a stray request goes wrong.
public enum Stray: String, Hashable, Sendable, CaseIterable {
    case unknownId = "on an interaction id that does not exist"
    case noCredentials = "without credentials"
    case wrongPassword = "with a wrong password"
}

extension ExploreStep {
    /// Simpler steps that may show the same deviation, for the shrinker: a pair as its two requests one after the
    /// other (either order), or as one of them. A case in the catalog can then send them.
    public var simpler: [[ExploreStep]] {
        guard case .pair(let first, let second) = self else { return [] }
        let one = ExploreStep.operation(agent: first.agent, first.operation)
        let other = ExploreStep.operation(agent: second.agent, second.operation)
        return [[one], [other], [one, other], [other, one]]
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
