/// An executable model of one interaction, written from the document alone (not from the reference server):
/// the set of every state the document allows after what the target has answered so far. An answer the model
/// allows narrows the set; an answer no state allows is a deviation, with the requirement that asked otherwise.
public struct InteractionModel: Hashable, Sendable {
    public internal(set) var worlds: Set<InteractionWorld>
    public let profile: ModelProfile

    /// A new interaction routed to `agent`, in a run whose readings are already `pinned`.
    public init(invitedAgent agent: String, profile: ModelProfile, pinned: [String: String] = [:]) {
        var world = InteractionWorld(invitedAgent: agent)
        world.assumptions = pinned
        self.worlds = [world]
        self.profile = profile
    }

    /// What the target may answer when `agent` performs `operation` now.
    public func allowed(_ operation: ModelOperation, by agent: String) -> Set<ModelOutcome> {
        Set(worlds.flatMap { $0.transitions(operation, by: agent, in: profile) }.map(\.outcome))
    }

    /// The requirement that asks for the outcome the document allows here, when it allows only one.
    public func requirement(_ operation: ModelOperation, by agent: String) -> String? {
        let transitions = worlds.flatMap { $0.transitions(operation, by: agent, in: profile) }
        guard Set(transitions.map(\.outcome)).count == 1 else { return nil }
        return transitions.first?.requirement
    }

    /// A deviation: what the target answered, what the document allows, and the requirement that asks for it.
    public struct Deviation: Hashable, Sendable, CustomStringConvertible {
        public var operation: ModelOperation
        public var agent: String
        public var observed: ModelOutcome
        public var allowed: Set<ModelOutcome>
        public var requirement: String

        public var description: String {
            let expected = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            return "\(agent) \(operation): the target answered \(observed.rawValue), the document allows \(expected) "
                + "[\(requirement)]"
        }
    }

    /// Takes the target's answer: keeps the states that allow it, or returns the deviation and keeps the states
    /// the document asked for (so the exploration can go on from what should have happened).
    public mutating func observe(_ operation: ModelOperation, by agent: String, outcome: ModelOutcome) -> Deviation? {
        let transitions = worlds.flatMap { $0.transitions(operation, by: agent, in: profile) }
        let matching = transitions.filter { $0.outcome == outcome }
        guard matching.isEmpty else {
            worlds = Set(matching.map(\.world))
            return nil
        }
        worlds = Set(transitions.map(\.world))
        return Deviation(
            operation: operation, agent: agent, observed: outcome, allowed: Set(transitions.map(\.outcome)),
            requirement: transitions.first?.requirement ?? "ERROR-NO-CHANGE")
    }

    /// Whether `GET /me/interactions` of `agent` may list the interaction: `[true]` must, `[false]` must not,
    /// both when the document leaves it open (an agent with an invitation it has not accepted).
    public func listed(for agent: String) -> Set<Bool> {
        Set(
            worlds.flatMap { world -> [Bool] in
                if world.unsettled { return [true, false] }
                // An owner whose transfer waits for its target: the document does not say whether it still has it.
                if world.isTransferring, world.owner == agent { return [true, false] }
                if world.works(agent) { return [true] }
                guard world.invitations[agent] != nil else { return [false] }
                switch world.assumptions["handled-includes-invited"] {
                case "accepted-only": return [false]
                case "invited-too": return [true]
                default: return [true, false]
                }
            })
    }

    /// Takes what `GET /me/interactions` of `agent` showed; nil when the document allows it.
    public mutating func observeListing(for agent: String, listed shown: Bool) -> String? {
        guard listed(for: agent).contains(shown) else {
            return "GET /me/interactions of \(agent) \(shown ? "lists" : "does not list") the interaction "
                + "[HANDLED-BY-AGENT]"
        }
        worlds = Set(
            worlds.compactMap { world in
                guard !world.works(agent), world.invitations[agent] != nil else { return world }
                return world.assuming("handled-includes-invited", shown ? "invited-too" : "accepted-only")
            })
        return nil
    }

    /// The readings every remaining state agrees on: the target's choices so far, to pin for the rest of the run.
    public var pinned: [String: String] {
        guard let first = worlds.first else { return [:] }
        return first.assumptions.filter { reading, alternative in
            worlds.allSatisfy { $0.assumptions[reading] == alternative }
        }
    }
}
