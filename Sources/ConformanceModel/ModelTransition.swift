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

    public init(agents: [String], queues: [String], workbins: [String]) {
        self.agents = agents
        self.queues = queues
        self.workbins = workbins
    }
}
