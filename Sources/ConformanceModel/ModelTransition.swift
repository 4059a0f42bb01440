/// One outcome the document allows for an operation in one world, the world it leads to, and the requirement
/// that asks for it (cited when the target does something else).
public struct ModelTransition: Hashable, Sendable {
    public var outcome: ModelOutcome
    public var world: InteractionWorld
    public var requirement: String
    /// The notifications the document requires when this happens.
    public var notices: Set<Notice> = []

    public init(_ outcome: ModelOutcome, _ world: InteractionWorld, _ requirement: String, notices: Set<Notice> = []) {
        self.outcome = outcome
        self.world = world
        self.requirement = requirement
        self.notices = notices
    }
}

/// The names the profile gives: agents, queues and workbins. A parameter outside them is an unknown one.
public struct ModelProfile: Hashable, Sendable {
    public var agents: [String]
    public var queues: [String]
    public var workbins: [String]
    /// Whether the profile has a Contact Center Admin: the admin's requests are explored too.
    public var admin: Bool

    public init(agents: [String], queues: [String], workbins: [String], admin: Bool = false) {
        self.agents = agents
        self.queues = queues
        self.workbins = workbins
        self.admin = admin
    }
}

extension ModelTransition {
    /// What a listing breaks when it disagrees after this transition, by the requirement that asked for it.
    static let listingRequirement = ["STOPPROCESSING-AFTER-ACCEPT": "STOPPROCESSING-ENDS-OWNERSHIP"]

    /// The transition with `because` set for every agent whose part (works on it, or holds an invitation) it
    /// changed from `before`.
    func recordingParts(from before: InteractionWorld, agents: [String]) -> ModelTransition {
        guard outcome == .success else { return self }
        var recorded = self
        recorded.world.hadPart.formUnion(world.concerned)
        for agent in agents
        where before.works(agent) != world.works(agent)
            || (before.invitations[agent] == nil) != (world.invitations[agent] == nil)
        {
            recorded.world.because[agent] = Self.listingRequirement[requirement] ?? requirement
        }
        return recorded
    }
}
