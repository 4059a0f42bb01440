/// A set of agents named by what they are not: `agent: {allBut: agent1}` is every agent of the profile other
/// than `agent1`, for the places where the document lets the system pick the agent ("present the Interaction
/// to another Agent"). A case that names one leases the whole profile, and the set is resolved to roles
/// (`agent2`...`agentN`) once the case knows how many agents it holds.
public enum AgentSets {
    static let prefix = "all-but:"

    /// The placeholder role that stands for every agent but `excluded`.
    static func allBut(_ excluded: [String]) -> String { prefix + excluded.joined(separator: ",") }

    /// Whether a role is such a placeholder.
    static func isSet(_ role: String) -> Bool { role.hasPrefix(prefix) }

    /// The roles a list stands for in a case holding `count` agents.
    static func resolve(_ roles: [String], agents count: Int) -> [String] {
        var resolved: [String] = []
        for role in roles {
            guard isSet(role) else {
                if !resolved.contains(role) { resolved.append(role) }
                continue
            }
            let excluded = Set(role.dropFirst(prefix.count).split(separator: ",").map(String.init))
            for index in 1...max(1, count) where !excluded.contains("agent\(index)") {
                if !resolved.contains("agent\(index)") { resolved.append("agent\(index)") }
            }
        }
        return resolved
    }
}

extension ConformanceCase {
    /// The case with every `{allBut: ...}` agent set resolved for a case holding `count` agents.
    public func resolvingAgentSets(agents count: Int) -> ConformanceCase {
        guard wholeProfile else { return self }
        var resolved = self
        resolved.given = given.map { $0.resolvingAgentSets(agents: count) }
        resolved.steps = steps.map { $0.resolvingAgentSets(agents: count) }
        return resolved
    }
}

extension Step {
    func resolvingAgentSets(agents count: Int) -> Step {
        switch self {
        case .createInteraction, .request: return self
        case .notification(let expectation): return .notification(expectation.resolvingAgentSets(agents: count))
        case .noNotification(let expectation): return .noNotification(expectation.resolvingAgentSets(agents: count))
        }
    }

    /// Whether the step names an agent set, so that its case needs the whole profile.
    var namesAgentSet: Bool {
        switch self {
        case .createInteraction, .request: false
        case .notification(let expectation), .noNotification(let expectation):
            (expectation.agents + expectation.alternatives.flatMap { $0.agents ?? [] }).contains(where: AgentSets.isSet)
        }
    }
}

extension NotificationExpectation {
    func resolvingAgentSets(agents count: Int) -> NotificationExpectation {
        var resolved = self
        resolved.agents = AgentSets.resolve(agents, agents: count)
        resolved.alternatives = alternatives.map { alternative in
            var resolvedAlternative = alternative
            resolvedAlternative.agents = alternative.agents.map { AgentSets.resolve($0, agents: count) }
            return resolvedAlternative
        }
        return resolved
    }
}
