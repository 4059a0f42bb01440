import ConformanceCatalog
import ConformanceJSON
import ConformanceModel
import ConformanceReport

/// Runs explored sequences against a target and judges every answer against the model of the document: one
/// interaction per sequence, routed to the first agent after a reset, then each step's request.
public struct Explorer: Sendable {
    /// The first answer the model does not allow.
    public struct Failure: Sendable, Hashable {
        /// The step, counted from 0.
        public var step: Int
        public var requirement: String
        public var message: String
        /// What the document allowed there.
        public var allowed: Set<ModelOutcome>
    }

    let profile: TargetProfile
    let client: TargetClient
    let fixtures: FixtureDriver
    public let model: ModelProfile

    public init(profile: TargetProfile, client: TargetClient) {
        self.profile = profile
        self.client = client
        self.fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        self.model = ModelProfile(
            agents: ["agent1", "agent2", "agent3"].filter { Roles.account($0, in: profile) != nil },
            queues: profile.queues, workbins: profile.workbins)
    }

    /// Runs `steps` on a new interaction; the first step the model does not allow, or nil. `pinned` carries the
    /// readings the target showed in earlier sequences, and comes back with this sequence's.
    public func run(_ steps: [ExploreStep], pinned: inout [String: String]) async throws(FixtureFailure) -> Failure? {
        try await fixtures.reset()
        guard let first = model.agents.first, let account = Roles.account(first, in: profile) else { return nil }
        let id = try await fixtures.createInteraction(
            mediaType: profile.mediaTypes.first ?? "email", agentId: account.id, properties: .object(JSONObject()))
        var interaction = InteractionModel(invitedAgent: first, profile: model, pinned: pinned)
        defer { pinned = interaction.pinned }
        for (index, step) in steps.enumerated() {
            switch step {
            case .listing(let agent):
                guard let listed = await listing(by: agent, contains: id) else { continue }
                if let problem = interaction.observeListing(for: agent, listed: listed) {
                    return Failure(step: index, requirement: "HANDLED-BY-AGENT", message: problem, allowed: [])
                }
            case .operation(let agent, let operation):
                let (outcome, status) = await perform(operation, by: agent, on: id, model: interaction)
                if status / 100 == 5 {
                    return Failure(
                        step: index, requirement: "ERROR-NOT-5XX",
                        message: "\(agent) \(operation): the target answered HTTP \(status)",
                        allowed: interaction.allowed(operation, by: agent))
                }
                guard let outcome else { continue }
                if let deviation = interaction.observe(operation, by: agent, outcome: outcome) {
                    return Failure(
                        step: index, requirement: deviation.requirement, message: deviation.description,
                        allowed: deviation.allowed)
                }
            }
        }
        return nil
    }

    /// Sends the operation; the outcome (nil when the target gave no answer) and the HTTP status. A workbin goes
    /// as a string first and, when refused where the model allows success, as a one-element list (the reading
    /// `workbin-form`).
    func perform(_ operation: ModelOperation, by agent: String, on id: String, model: InteractionModel) async
        -> (ModelOutcome?, Int)
    {
        guard let answer = await send(ExploreRequest.body(operation, profile: profile), by: agent, on: id) else {
            return (nil, 0)
        }
        var outcome: ModelOutcome = Judge.isRefusal(answer) ? .refusal : .success
        if outcome == .refusal, model.allowed(operation, by: agent).contains(.success),
            let listForm = ExploreRequest.listFormBody(operation, profile: profile),
            let retried = await send(listForm, by: agent, on: id), !Judge.isRefusal(retried)
        {
            outcome = .success
        }
        return (outcome, answer.status)
    }

    func send(_ body: JSONValue, by agent: String, on id: String) async -> HTTPAnswer? {
        guard let account = Roles.account(agent, in: profile) else { return nil }
        return try? await client.send(
            method: "POST", url: profile.baseURL + "/me/interactions/" + id,
            headers: [
                ("Authorization", BasicAuth.header(account.username, account.password)),
                ("Content-Type", "application/json"), ("Accept", "application/json"),
            ],
            body: Array(body.compactText.utf8))
    }

    /// Whether the agent's `GET /me/interactions?fields=*` lists the interaction; nil without a usable answer.
    func listing(by agent: String, contains id: String) async -> Bool? {
        guard let account = Roles.account(agent, in: profile),
            let answer = try? await client.send(
                method: "GET", url: profile.baseURL + "/me/interactions?fields=*",
                headers: [
                    ("Authorization", BasicAuth.header(account.username, account.password)),
                    ("Accept", "application/json"),
                ],
                body: nil),
            answer.status == 200, case .success(let json) = answer.json
        else { return nil }
        return json.compactText.contains("\"\(id)\"")
    }
}
