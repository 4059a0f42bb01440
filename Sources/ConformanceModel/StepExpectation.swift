/// What the document allows at one step of a sequence whatever the target answered before: the expectation a
/// written case can state without depending on the target's earlier choices.
public enum StepExpectation: Hashable, Sendable {
    /// The outcomes allowed, with the requirement that asks for the outcome when only one is.
    case outcomes(Set<ModelOutcome>, requirement: String?)
    /// Whether the agent's GET may list the interaction.
    case listed(Set<Bool>)
    /// Two requests sent at once: the outcomes each may have, in either order.
    case pair(Set<ModelOutcome>, Set<ModelOutcome>)

    /// The expectations of `steps` on an interaction routed to `agent`: every state the document allows is
    /// followed through every outcome it allows, so no expectation depends on what a target chose earlier.
    public static func of(_ steps: [ExploreStep], invitedAgent agent: String, profile: ModelProfile)
        -> [StepExpectation]
    {
        var model = InteractionModel(invitedAgent: agent, profile: profile)
        return steps.map { step in
            switch step {
            case .listing(let agent), .uris(let agent):
                return .listed(model.listed(for: agent))
            case .stray:
                return .outcomes([.refusal], requirement: nil)
            case .admin:
                return .outcomes([.refusal], requirement: "OPERATION-PERMISSIONS")
            case .probe(let agent, let probe):
                return .listed(model.shown(by: probe, to: agent))
            case .pair(let first, let second):
                var firstThenSecond = model
                firstThenSecond.takeEveryOutcome(first.operation, by: first.agent)
                var secondThenFirst = model
                secondThenFirst.takeEveryOutcome(second.operation, by: second.agent)
                let expectation = StepExpectation.pair(
                    model.allowed(first.operation, by: first.agent).union(
                        secondThenFirst.allowed(first.operation, by: first.agent)),
                    model.allowed(second.operation, by: second.agent).union(
                        firstThenSecond.allowed(second.operation, by: second.agent)))
                firstThenSecond.takeEveryOutcome(second.operation, by: second.agent)
                secondThenFirst.takeEveryOutcome(first.operation, by: first.agent)
                model.worlds = firstThenSecond.worlds.union(secondThenFirst.worlds)
                model.concerned = firstThenSecond.concerned.union(secondThenFirst.concerned)
                return expectation
            case .operation(let agent, let operation):
                let expectation = StepExpectation.outcomes(
                    model.allowed(operation, by: agent), requirement: model.requirement(operation, by: agent))
                model.takeEveryOutcome(operation, by: agent)
                return expectation
            }
        }
    }
}

extension InteractionModel {
    /// Follows every outcome the document allows, as if the answer were not known.
    mutating func takeEveryOutcome(_ operation: ModelOperation, by agent: String) {
        worlds = Set(worlds.flatMap { $0.transitions(operation, by: agent, in: profile) }.map(\.world))
        concerned.formUnion(worlds.flatMap(\.concerned))
    }
}
