/// Generates sequences of steps on one interaction routed to the profile's first agent: valid and invalid
/// operations by every agent (wrong agent, wrong state, missing or unknown parameters), and GETs.
public struct SequenceGenerator: Sendable {
    public let profile: ModelProfile
    /// Whether one step in four is a pair of requests sent at once by two agents.
    public var concurrency: Bool

    public init(profile: ModelProfile, concurrency: Bool = false) {
        self.profile = profile
        self.concurrency = concurrency
    }

    /// `count` sequences of `length` steps each, the same for the same seed.
    public func sequences(seed: UInt64, count: Int, length: Int) -> [[ExploreStep]] {
        var iterator = sequences(seed: seed, length: length)
        return (0..<count).map { _ in iterator.next() }
    }

    /// The sequences of `length` steps for `seed`, one at a time: a long exploration does not generate them all
    /// before it starts, and stops generating when it stops.
    public func sequences(seed: UInt64, length: Int) -> Sequences {
        Sequences(generator: self, random: SeededRandom(seed: seed), length: length)
    }

    /// Sequences generated on demand, in the order of the seed.
    public struct Sequences: Sendable {
        let generator: SequenceGenerator
        var random: SeededRandom
        let length: Int

        public mutating func next() -> [ExploreStep] {
            generator.sequence(length: length, &random)
        }
    }

    /// One sequence.
    ///
    /// Two steps in three are moves the model says succeed from where a conformant target would be (so that
    /// sequences reach conferences, transfers and queues), the others are any step at all.
    func sequence(length: Int, _ random: inout SeededRandom) -> [ExploreStep] {
        guard let first = profile.agents.first else { return [] }
        var model = InteractionModel(invitedAgent: first, profile: profile)
        var previous: ExploreStep?
        return (0..<length).map { _ in
            if concurrency, profile.agents.count > 1, random.index(below: 4) == 0 {
                let chosen = pair(model, &random)
                model.takeEveryOutcome(chosen.0.operation, by: chosen.0.agent)
                model.takeEveryOutcome(chosen.1.operation, by: chosen.1.agent)
                previous = .pair(chosen.0, chosen.1)
                return .pair(chosen.0, chosen.1)
            }
            let moves = random.index(below: 3) == 0 ? [] : validMoves(model)
            var chosen = moves.isEmpty ? step(&random) : random.pick(moves)
            // One operation in six is the one just sent, sent again: the same operation twice.
            if case .operation = previous, random.index(below: 6) == 0, let previous { chosen = previous }
            previous = chosen
            if case .operation(let agent, let operation) = chosen {
                let allowed = model.allowed(operation, by: agent)
                _ = model.observe(operation, by: agent, outcome: allowed.contains(.success) ? .success : .refusal)
            }
            return chosen
        }
    }

    /// The well-formed operations the model says may succeed now, and GETs by the agents involved.
    func validMoves(_ model: InteractionModel) -> [ExploreStep] {
        var moves: [ExploreStep] = []
        for agent in profile.agents {
            var candidates: [ModelOperation] = [
                .accept, .reject, .stopProcessing, .updateProperties, .endConference(agent: agent),
            ]
            candidates += profile.queues.prefix(1).map { .placeInQueue(queue: $0) }
            candidates += profile.workbins.prefix(1).flatMap {
                [.placeInWorkbin(workbin: $0), .getWorkbinContent(workbin: $0)]
            }
            for other in profile.agents where other != agent {
                candidates += [.transfer(target: other), .startConference(agent: other)]
            }
            // Moves that may succeed; a workbin's content only for an agent that works on the interaction (anyone
            // may ask for it, which would crowd out the moves that change something).
            moves += candidates.filter { candidate in
                let allowed = model.allowed(candidate, by: agent)
                if case .getWorkbinContent(let workbin) = candidate {
                    return allowed == [.success] || model.worlds.contains { $0.workbin == workbin }
                }
                return allowed.contains(.success)
            }
            .map { .operation(agent: agent, $0) }
            // A GET by an agent that has or had the interaction: whether it still lists it tells whether the
            // target let it go.
            if model.listed(for: agent).contains(true) || model.involved.contains(agent) {
                moves.append(.listing(agent: agent))
            }
        }
        return moves
    }

    func step(_ random: inout SeededRandom) -> ExploreStep {
        let agent = random.pick(profile.agents)
        // One step in seven looks at what an agent's GET shows (with fields=*, or the URIs); one in fourteen goes
        // astray (an unknown id, no or wrong credentials), one in fourteen probes (a read, the admin, Bayeux); the
        // others act.
        switch random.index(below: 14) {
        case 0, 1: return random.index(below: 3) == 0 ? .uris(agent: agent) : .listing(agent: agent)
        case 3: return probe(by: agent, &random)
        case 2:
            let stray = random.pick(Stray.allCases)
            var operation = operation(by: agent, &random)
            // GetWorkbinContent may ignore its {id} (the reading getworkbincontent-id): not an unknown id's test.
            if stray == .unknownId, case .getWorkbinContent = operation { operation = .accept }
            return .stray(agent: agent, operation, stray)
        default: return .operation(agent: agent, operation(by: agent, &random))
        }
    }

    /// A probe by `agent`, or one time in two (with an admin in the profile) a request by the Contact Center Admin:
    /// an operation, or one of its reads.
    func probe(by agent: String, _ random: inout SeededRandom) -> ExploreStep {
        guard profile.admin, random.index(below: 2) == 0 else {
            return .probe(agent: agent, random.pick(ExploreProbe.byAgent))
        }
        if random.index(below: 4) == 0 { return .admin(operation(by: agent, &random)) }
        return .probe(agent: ExploreProbe.admin, random.pick(ExploreProbe.byAdmin))
    }

    /// Two operations by two different agents, each a move the model says may succeed now (when there is one) or
    /// any operation: two agents accepting, leaving or handing over the same interaction at once.
    func pair(_ model: InteractionModel, _ random: inout SeededRandom) -> (ExploreAction, ExploreAction) {
        let moves: [ExploreAction] = validMoves(model).compactMap {
            guard case .operation(let agent, let operation) = $0 else { return nil }
            return ExploreAction(agent, operation)
        }
        func action(except excluded: String?) -> ExploreAction {
            let candidates = moves.filter { $0.agent != excluded }
            if !candidates.isEmpty, random.index(below: 3) != 0 { return random.pick(candidates) }
            let agent = random.pick(profile.agents.filter { $0 != excluded })
            return ExploreAction(agent, operation(by: agent, &random))
        }
        let first = action(except: nil)
        return (first, action(except: first.agent))
    }

    func operation(by agent: String, _ random: inout SeededRandom) -> ModelOperation {
        let other = random.pick(profile.agents)
        let agentParameter: String? = random.pick([other, other, other, nil, "no-such-agent"])
        let queue: String? = random.pick(profile.queues.map(Optional.some) + [nil, "no-such-queue"])
        let workbin: String? = random.pick(profile.workbins.map(Optional.some) + [nil, "no-such-workbin"])
        // Accept comes up more often: most interesting states start with an accepted interaction.
        switch random.index(below: 14) {
        case 13: return .unknown
        case 0, 1, 2: return .accept
        case 3: return .reject
        case 4: return .stopProcessing
        case 5: return .placeInQueue(queue: queue)
        case 6: return .updateProperties
        case 7: return .placeInWorkbin(workbin: workbin)
        case 8: return .getWorkbinContent(workbin: workbin)
        case 9: return .transfer(target: agentParameter)
        case 10, 11: return .startConference(agent: agentParameter)
        default: return .endConference(agent: random.pick([agent, agent, agent, other]))
        }
    }
}
