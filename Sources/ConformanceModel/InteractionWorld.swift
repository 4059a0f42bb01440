/// One state an interaction may be in, as far as the agents can tell: who owns it, who else works on it, who
/// has an invitation to it, and where it is when nobody holds it. The model keeps a set of these: every state
/// the document allows after what has happened so far.
public struct InteractionWorld: Hashable, Sendable {
    /// Where the interaction is when no agent of the profile holds it.
    public enum Place: Hashable, Sendable {
        /// With the agents: offered, owned or in a conference.
        case agents
        case queued
        case inWorkbin
        /// Ended by StopProcessing.
        case completed
        /// Rejected and presented to another agent the suite does not watch.
        case elsewhere
    }

    /// Why an agent holds an invitation to the interaction: its Accept means something else for each.
    public enum Invitation: Hashable, Sendable {
        /// Routed to the agent (the fixtures, or a Reject elsewhere).
        case routing
        /// Transferred to it; the owner keeps the interaction until it accepts (transfer-ownership=on-accept).
        case transfer
        /// Invited to a conference; it joins once it accepts (conference-invitee=on-accept).
        case conference
    }

    public var place: Place = .agents
    public var owner: String?
    /// Agents in a conference on the interaction, besides the owner.
    public var parties: Set<String> = []
    public var invitations: [String: Invitation] = [:]
    /// The workbin the interaction was placed in, while nothing has moved it since.
    public var workbin: String?
    /// UpdateProperties was done: the properties it sent must show where an agent reads the interaction.
    public var propertiesUpdated = false
    /// Past a point the document does not define (a transfer during a conference or during another transfer):
    /// from here every answer is allowed, and nothing more is judged on this interaction.
    public var unsettled = false
    /// Once unsettled: every agent that may hold a part in the interaction (it had one, or was handed it since).
    /// The others still may not act on it, nor hear of it.
    public var mayHold: Set<String> = []
    /// Every agent that has had a part in this world's history (owner, party, invited, or told a workbin's content
    /// that may list it): the only ones that may hear of the interaction here, with `mayHold`.
    public var hadPart: Set<String> = []
    /// Per agent, the requirement of the last transition that gave it a part in the interaction or took it away
    /// (ACCEPT-OWNERSHIP, STOPPROCESSING-ENDS-OWNERSHIP, …): what a listing that disagrees breaks.
    public var because: [String: String] = [:]
    /// The readings this world assumes, by name: worlds that assume another alternative are other worlds.
    public var assumptions: [String: String] = [:]

    /// The agent whose routing invitation arrived before its next step (the explorer awaits the first one only):
    /// only its Accept can be judged for an invitation arriving after it (ACCEPT-ORDER).
    public var invitationArrived: String?

    public init(invitedAgent: String) {
        invitations[invitedAgent] = .routing
        hadPart = [invitedAgent]
        invitationArrived = invitedAgent
    }

    /// Whether the interaction may be routed to an agent again from here, unseen: it waits in a queue or a workbin,
    /// is with an agent the suite does not watch, or the model no longer knows where it is.
    public var mayBeRoutedAgain: Bool {
        unsettled || place == .queued || place == .inWorkbin || place == .elsewhere
    }

    /// The agents that may hear of the interaction in this world.
    public var hearers: Set<String> { hadPart.union(mayHold) }

    /// Whether `agent` works on the interaction: its owner, or a party to its conference.
    public func works(_ agent: String) -> Bool { owner == agent || parties.contains(agent) }

    /// The agents the interaction concerns here: its owner, its parties and the agents invited to it.
    public var concerned: Set<String> { parties.union(invitations.keys).union(owner.map { [$0] } ?? []) }

    /// This world past the point the document defines: what `operation` by `agent` did is not known, but only
    /// the agents concerned and the one it was handed to may hold a part from here.
    func unsettling(by operation: ModelOperation) -> InteractionWorld {
        var murky = self
        murky.unsettled = true
        murky.mayHold = mayHold.union(concerned)
        if let target = operation.handedTo { murky.mayHold.insert(target) }
        return murky
    }

    /// The same world assuming `alternative` of `reading`, or nil when it already assumes another one.
    func assuming(_ reading: String, _ alternative: String) -> InteractionWorld? {
        if let assumed = assumptions[reading] { return assumed == alternative ? self : nil }
        var world = self
        world.assumptions[reading] = alternative
        return world
    }
}
