extension ModelProfile {
    /// Simpler whole sequences that may show the same deviation, for the shrinker: the fewest agents (the last
    /// one used renamed to the first one free), the profile's first queue and first workbin for every other one.
    public func simpler(_ steps: [ExploreStep]) -> [[ExploreStep]] {
        var candidates: [[ExploreStep]] = []
        let used = agents.filter { agent in steps.contains { $0.agents.contains(agent) } }
        if let last = used.last, let free = agents.first(where: { !used.contains($0) }),
            let lastIndex = agents.firstIndex(of: last), let freeIndex = agents.firstIndex(of: free),
            freeIndex < lastIndex
        {
            candidates.append(steps.map { $0.mapping { $0 == last ? free : $0 } })
        }
        if let queue = queues.first {
            let simpler = steps.map { $0.mappingOperation { $0.withQueue(queue) } }
            if simpler != steps { candidates.append(simpler) }
        }
        if let workbin = workbins.first {
            let simpler = steps.map { $0.mappingOperation { $0.withWorkbin(workbin) } }
            if simpler != steps { candidates.append(simpler) }
        }
        return candidates
    }
}

extension ModelOperation {
    /// The agents the operation names as parameters.
    var namedAgents: [String] {
        switch self {
        case .transfer(let agent), .startConference(let agent), .endConference(let agent): agent.map { [$0] } ?? []
        default: []
        }
    }

    /// The operation with every agent parameter passed through `rename`.
    func mapping(_ rename: (String) -> String) -> ModelOperation {
        switch self {
        case .transfer(let agent): .transfer(target: agent.map(rename))
        case .startConference(let agent): .startConference(agent: agent.map(rename))
        case .endConference(let agent): .endConference(agent: agent.map(rename))
        default: self
        }
    }

    /// A well-formed queue parameter replaced by `queue` (a missing one stays missing: that is the deviation).
    func withQueue(_ queue: String) -> ModelOperation {
        if case .placeInQueue(let given?) = self, given != queue { return .placeInQueue(queue: queue) }
        return self
    }

    /// A workbin parameter replaced by `workbin` (a missing one stays missing).
    func withWorkbin(_ workbin: String) -> ModelOperation {
        switch self {
        case .placeInWorkbin(let given?) where given != workbin: .placeInWorkbin(workbin: workbin)
        case .getWorkbinContent(let given?) where given != workbin: .getWorkbinContent(workbin: workbin)
        default: self
        }
    }
}

extension ExploreStep {
    /// Every agent the step names: who sends it and who its operation names.
    var agents: [String] {
        switch self {
        case .operation(let agent, let operation), .stray(let agent, let operation, _):
            [agent] + operation.namedAgents
        case .pair(let first, let second):
            [first.agent, second.agent] + first.operation.namedAgents + second.operation.namedAgents
        case .listing(let agent), .uris(let agent): [agent]
        case .probe(let agent, _): agent == ExploreProbe.admin ? [] : [agent]
        case .admin(let operation): operation.namedAgents
        }
    }

    /// The step with every agent passed through `rename`.
    func mapping(_ rename: (String) -> String) -> ExploreStep {
        switch self {
        case .operation(let agent, let operation): .operation(agent: rename(agent), operation.mapping(rename))
        case .pair(let first, let second):
            .pair(
                ExploreAction(rename(first.agent), first.operation.mapping(rename)),
                ExploreAction(rename(second.agent), second.operation.mapping(rename)))
        case .listing(let agent): .listing(agent: rename(agent))
        case .uris(let agent): .uris(agent: rename(agent))
        case .stray(let agent, let operation, let stray): .stray(agent: rename(agent), operation.mapping(rename), stray)
        case .probe(let agent, let probe): .probe(agent: agent == ExploreProbe.admin ? agent : rename(agent), probe)
        case .admin(let operation): .admin(operation.mapping(rename))
        }
    }

    /// The step with its operations passed through `change`.
    func mappingOperation(_ change: (ModelOperation) -> ModelOperation) -> ExploreStep {
        switch self {
        case .operation(let agent, let operation): .operation(agent: agent, change(operation))
        case .pair(let first, let second):
            .pair(
                ExploreAction(first.agent, change(first.operation)),
                ExploreAction(second.agent, change(second.operation)))
        case .stray(let agent, let operation, let stray): .stray(agent: agent, change(operation), stray)
        case .admin(let operation): .admin(change(operation))
        case .listing, .uris, .probe: self
        }
    }
}
