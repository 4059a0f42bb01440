/// One step of an explored sequence on one interaction: an operation by an agent, or an agent's
/// `GET /me/interactions?fields=*` to see whether it lists the interaction.
public enum ExploreStep: Hashable, Sendable, CustomStringConvertible {
    case operation(agent: String, ModelOperation)
    case listing(agent: String)

    public var agent: String {
        switch self {
        case .operation(let agent, _), .listing(let agent): agent
        }
    }

    public var description: String {
        switch self {
        case .operation(let agent, let operation): "\(agent) \(operation)"
        case .listing(let agent): "\(agent) GET /me/interactions?fields=*"
        }
    }
}
