/// Generates sequences of steps on one interaction routed to the profile's first agent: valid and invalid
/// operations by every agent (wrong agent, wrong state, missing or unknown parameters), and GETs.
public struct SequenceGenerator: Sendable {
    public let profile: ModelProfile

    public init(profile: ModelProfile) {
        self.profile = profile
    }

    /// `count` sequences of `length` steps each, the same for the same seed.
    ///
    /// Two steps in three are moves the model says succeed from where a conformant target would be (so that
    /// sequences reach conferences, transfers and queues), the others are any step at all.
    public func sequences(seed: UInt64, count: Int, length: Int) -> [[ExploreStep]] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            guard let first = profile.agents.first else { return [] }
            var model = InteractionModel(invitedAgent: first, profile: profile)
            return (0..<length).map { _ in
                let moves = random.index(below: 3) == 0 ? [] : validMoves(model)
                let chosen = moves.isEmpty ? step(&random) : random.pick(moves)
                if case .operation(let agent, let operation) = chosen {
                    let allowed = model.allowed(operation, by: agent)
                    _ = model.observe(operation, by: agent, outcome: allowed.contains(.success) ? .success : .refusal)
                }
                return chosen
            }
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
            moves += candidates.filter { model.allowed($0, by: agent).contains(.success) }
                .map { .operation(agent: agent, $0) }
            if model.listed(for: agent).contains(true) { moves.append(.listing(agent: agent)) }
        }
        return moves
    }

    func step(_ random: inout SeededRandom) -> ExploreStep {
        let agent = random.pick(profile.agents)
        // One step in six looks at what an agent's GET shows; the others act.
        if random.index(below: 6) == 0 { return .listing(agent: agent) }
        return .operation(agent: agent, operation(by: agent, &random))
    }

    func operation(by agent: String, _ random: inout SeededRandom) -> ModelOperation {
        let other = random.pick(profile.agents)
        let agentParameter: String? = random.pick([other, other, other, nil, "no-such-agent"])
        let queue: String? = random.pick(profile.queues.map(Optional.some) + [nil, "no-such-queue"])
        let workbin: String? = random.pick(profile.workbins.map(Optional.some) + [nil, "no-such-workbin"])
        // Accept comes up more often: most interesting states start with an accepted interaction.
        switch random.index(below: 13) {
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
