/// An executable model of one interaction, written from the document alone (not from the reference server):
/// the set of every state the document allows after what the target has answered so far. An answer the model
/// allows narrows the set; an answer no state allows is a deviation, with the requirement that asked otherwise.
public struct InteractionModel: Hashable, Sendable {
    public internal(set) var worlds: Set<InteractionWorld>
    public let profile: ModelProfile
    /// Every agent that may hear of the interaction in some allowed state: it had a part there (owner, party,
    /// invited, or told a workbin's content), or may hold one past the point the document defines. The others must
    /// never hear of it (NOTIFY-OWN-ONLY).
    public var involved: Set<String> { Set(worlds.flatMap(\.hearers)) }
    /// The agents the interaction has concerned so far, whatever happened after.
    var concerned: Set<String>
    /// The notifications the document requires after the last answer observed, whatever state the target is in.
    public internal(set) var notices: Set<Notice> = []

    /// A new interaction routed to `agent`, in a run whose readings are already `pinned`.
    public init(invitedAgent agent: String, profile: ModelProfile, pinned: [String: String] = [:]) {
        var world = InteractionWorld(invitedAgent: agent)
        world.assumptions = pinned
        self.worlds = [world]
        self.profile = profile
        self.concerned = [agent]
    }

    /// The part `agent` plays now, as findings are told apart: owner, party, invitee, former (it had a part),
    /// stranger, or may-hold (past the unsettled point); several joined by "|" when the states differ.
    public func role(of agent: String) -> String {
        let roles = Set(
            worlds.map { world -> String in
                if world.unsettled { return world.mayHold.contains(agent) ? "may-hold" : "stranger" }
                if world.owner == agent { return "owner" }
                if world.parties.contains(agent) { return "party" }
                if world.invitations[agent] != nil { return "invitee" }
                return world.hadPart.contains(agent) ? "former" : "stranger"
            })
        return roles.sorted().joined(separator: "|")
    }

    /// The agents that may not hear of the interaction in some allowed state, though they may in another (after
    /// a Reject, only the agent it was presented to may): whether they heard narrows the states.
    public var uncertainHearers: Set<String> {
        let always = worlds.map(\.hearers).reduce(into: Set(profile.agents)) { $0.formIntersection($1) }
        return involved.subtracting(always)
    }

    /// Keeps the states in which every agent of `heard` may hear of the interaction; false (and nothing kept)
    /// when no state allows them all (NOTIFY-OWN-ONLY).
    public mutating func observeHearers(_ heard: Set<String>) -> Bool {
        let fitting = worlds.filter { heard.isSubset(of: $0.hearers) }
        guard !fitting.isEmpty else { return false }
        worlds = fitting
        return true
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
        /// For two requests sent at once: both, with what the target answered to each.
        public var pair: (ExploreAction, ModelOutcome, ExploreAction, ModelOutcome)?

        public var description: String {
            if let (first, firstOutcome, second, secondOutcome) = pair {
                return "sent at once, \(first) was answered \(firstOutcome.rawValue) and \(second) "
                    + "\(secondOutcome.rawValue): no order of the two allows both answers [\(requirement)]"
            }
            let expected = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            return "\(agent) \(operation): the target answered \(observed.rawValue), the document allows \(expected) "
                + "[\(requirement)]"
        }

        public static func == (left: Deviation, right: Deviation) -> Bool { left.description == right.description }
        public func hash(into hasher: inout Hasher) { hasher.combine(description) }
    }

    /// Takes the target's answer: keeps the states that allow it, or returns the deviation and keeps the states
    /// the document asked for (so the exploration can go on from what should have happened).
    public mutating func observe(_ operation: ModelOperation, by agent: String, outcome: ModelOutcome) -> Deviation? {
        let transitions = worlds.flatMap { $0.transitions(operation, by: agent, in: profile) }
        let matching = transitions.filter { $0.outcome == outcome }
        guard matching.isEmpty else {
            worlds = Set(matching.map(\.world))
            notices = matching.dropFirst().reduce(matching[0].notices) { $0.intersection($1.notices) }
            concerned.formUnion(worlds.flatMap(\.concerned))
            // The workbin's content, which may list the interaction, goes to the agent that asked for it.
            if case .getWorkbinContent = operation, outcome == .success {
                concerned.insert(agent)
                worlds = Set(
                    worlds.map { world in
                        var told = world
                        told.hadPart.insert(agent)
                        return told
                    })
            }
            return nil
        }
        worlds = Set(transitions.map(\.world))
        notices = []
        concerned.formUnion(worlds.flatMap(\.concerned))
        return Deviation(
            operation: operation, agent: agent, observed: outcome, allowed: Set(transitions.map(\.outcome)),
            requirement: transitions.first?.requirement ?? "ERROR-NO-CHANGE")
    }

    /// Whether `GET /me/interactions` of `agent` may list the interaction: `[true]` must, `[false]` must not,
    /// both when the document leaves it open (an agent with an invitation it has not accepted).
    public func listed(for agent: String) -> Set<Bool> {
        Set(
            worlds.flatMap { world -> [Bool] in
                if world.unsettled { return world.mayHold.contains(agent) ? [true, false] : [false] }
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

    /// Whether `GET /interactions` ("the active interactions") may list the interaction: `[true]` while an agent
    /// works on it in every allowed state, `[false]` once it is completed in every one, both otherwise (invited,
    /// queued, in a workbin or presented elsewhere: whether that is active the document does not say).
    public var listedAmongAll: Set<Bool> {
        Set(
            worlds.flatMap { world -> [Bool] in
                if world.unsettled { return [true, false] }
                if world.place == .completed { return [false] }
                return world.owner != nil ? [true] : [true, false]
            })
    }

    /// Whether `agent` works on the interaction (owns it or is a party to its conference) in every allowed state:
    /// `GET /interactions/{id}` must then give it the details.
    /// An owner whose transfer waits for its target is left out: whether it still has it is not said.
    public func worksInEveryState(_ agent: String) -> Bool {
        worlds.allSatisfy { !$0.unsettled && $0.works(agent) && !($0.isTransferring && $0.owner == agent) }
    }

    /// Whether the answer to `probe` by `agent` must show the interaction (`[true]`), must not (`[false]`), or
    /// either: `GET /interactions/{id}` owes its details to an agent that works on it, `GET /interactions` lists it
    /// per `listedAmongAll`; the other probes say nothing of it.
    public func shown(by probe: ExploreProbe, to agent: String) -> Set<Bool> {
        switch probe {
        case .details: agent != ExploreProbe.admin && worksInEveryState(agent) ? [true] : [true, false]
        case .allInteractions: listedAmongAll
        case .ownInteractions, .handshake, .unknownClient: [true, false]
        }
    }

    /// Takes what `GET /me/interactions` of `agent` showed; nil when the document allows it.
    public mutating func observeListing(for agent: String, listed shown: Bool) -> ListingProblem? {
        guard listed(for: agent).contains(shown) else {
            // The requirement of what changed the agent's part last: a completed interaction still listed breaks
            // STOPPROCESSING-ENDS-OWNERSHIP, an accepted one missing ACCEPT-OWNERSHIP; an agent that never had a
            // part, the listing's own clause.
            let requirement = worlds.lazy.compactMap { $0.because[agent] }.first ?? "HANDLED-BY-AGENT"
            let message =
                "GET /me/interactions of \(agent) \(shown ? "lists" : "does not list") the interaction [\(requirement)]"
            return ListingProblem(message: message, requirement: requirement)
        }
        // An invitation listed or not tells which reading the target follows, where the model knows the invitation
        // (past the unsettled point its record of invitations is stale). A world that assumes the other reading
        // cannot show this, unless the listing is allowed there for another reason.
        let narrowed = Set(
            worlds.compactMap { world in
                guard !world.unsettled, !world.works(agent), world.invitations[agent] != nil else { return world }
                return world.assuming("handled-includes-invited", shown ? "invited-too" : "accepted-only")
            })
        if !narrowed.isEmpty { worlds = narrowed }
        return nil
    }

    /// Takes the answers to two requests sent at once: allowed when some order of the two allows both (a small
    /// linearizability check). The states are those of every order that allows them; the notifications required
    /// are those every such order requires. Otherwise the deviation of the first order, told as a pair.
    public mutating func observe(_ pair: (ExploreAction, ExploreAction), outcomes: (ModelOutcome, ModelOutcome))
        -> Deviation?
    {
        let orders = [(pair.0, outcomes.0, pair.1, outcomes.1), (pair.1, outcomes.1, pair.0, outcomes.0)]
        var allowed: [InteractionModel] = []
        var firstDeviation: Deviation?
        for (first, firstOutcome, second, secondOutcome) in orders {
            var serial = self
            var deviation = serial.observe(first.operation, by: first.agent, outcome: firstOutcome)
            let firstNotices = serial.notices
            if deviation == nil {
                deviation = serial.observe(second.operation, by: second.agent, outcome: secondOutcome)
                serial.notices.formUnion(firstNotices)
            }
            if let deviation {
                firstDeviation = firstDeviation ?? deviation
            } else {
                allowed.append(serial)
            }
        }
        guard let kept = allowed.first else {
            // From here, go on from every outcome the document allows for both.
            takeEveryOutcome(pair.0.operation, by: pair.0.agent)
            takeEveryOutcome(pair.1.operation, by: pair.1.agent)
            notices = []
            return firstDeviation.map {
                var deviation = $0
                deviation.pair = (pair.0, outcomes.0, pair.1, outcomes.1)
                return deviation
            }
        }
        worlds = Set(allowed.flatMap(\.worlds))
        concerned = allowed.reduce(kept.concerned) { $0.union($1.concerned) }
        notices = allowed.dropFirst().reduce(kept.notices) { $0.intersection($1.notices) }
        return nil
    }

    /// Keeps the states that assume `alternative` of `reading` (the target showed it), unless none does.
    public mutating func pin(_ reading: String, _ alternative: String) {
        let kept = Set(worlds.compactMap { $0.assuming(reading, alternative) })
        if !kept.isEmpty { worlds = kept }
    }

    /// The readings every remaining state agrees on: the target's choices so far, to pin for the rest of the run.
    public var pinned: [String: String] {
        guard let first = worlds.first else { return [:] }
        return first.assumptions.filter { reading, alternative in
            worlds.allSatisfy { $0.assumptions[reading] == alternative }
        }
    }
}

/// A listing the model does not allow, and the requirement it breaks.
public struct ListingProblem: Hashable, Sendable {
    public var message: String
    public var requirement: String
}
