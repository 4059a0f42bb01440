import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel
import ConformanceReport

/// The requests of a sequence and the judging of their answers: the outcome by the model, the body by the
/// catalog's `success` and `error` presets, listings by the catalog's goldens.
extension Explorer {
    /// One operation: its answer judged, its outcome taken by the model.
    func act(
        _ action: ExploreAction, at step: Int, on id: String, model: inout InteractionModel,
        pinned: inout [String: String]
    ) async -> Failure? {
        let allowed = model.allowed(action.operation, by: action.agent)
        guard let (outcome, judgement, status) = await perform(action, on: id, allowed: allowed) else { return nil }
        let conflict = Self.record(judgement, in: &pinned, at: step)
        // A server error first: it is neither done nor refused. Then what was done, then how it was answered, then
        // whether it keeps to the readings of earlier answers.
        if status / 100 == 5, let failure = Self.failure(judgement, at: step, allowed: allowed) { return failure }
        if let deviation = model.observe(action.operation, by: action.agent, outcome: outcome) {
            var failure = Failure(
                step: step, requirement: deviation.requirement, message: deviation.description,
                allowed: deviation.allowed)
            failure.expected =
                "\(action.agent) \(action.operation): "
                + deviation.allowed.map(\.rawValue).sorted().joined(separator: " or ") + " (what the model allows)"
            failure.actual = "\(outcome.rawValue) (HTTP \(status))"
            return failure
        }
        return Self.failure(judgement, at: step, allowed: allowed) ?? conflict
    }

    /// Two operations sent at once: each answer judged, and the two outcomes those of one order of the two.
    func actAtOnce(
        _ pair: (ExploreAction, ExploreAction), at step: Int, on id: String, model: inout InteractionModel,
        pinned: inout [String: String]
    ) async -> Failure? {
        // Either may succeed, whichever the target takes first.
        let allowed = (
            Set(ModelOutcome.allCases), Set(ModelOutcome.allCases)
        )
        async let firstAnswer = perform(pair.0, on: id, allowed: allowed.0)
        async let secondAnswer = perform(pair.1, on: id, allowed: allowed.1)
        guard let (firstOutcome, firstJudgement, firstStatus) = await firstAnswer,
            let (secondOutcome, secondJudgement, secondStatus) = await secondAnswer
        else { return nil }
        let judgements = [firstJudgement, secondJudgement]
        // Two answers at once may each keep to a reading; only one seen before and contradicted is a conflict.
        let conflict = judgements.map { Self.record($0, in: &pinned, at: step) }.lazy.compactMap { $0 }.first
        if firstStatus / 100 == 5 || secondStatus / 100 == 5,
            let failure = judgements.lazy.compactMap({ Self.failure($0, at: step, allowed: []) }).first
        {
            return failure
        }
        if let deviation = model.observe(pair, outcomes: (firstOutcome, secondOutcome)) {
            return Failure(step: step, requirement: deviation.requirement, message: deviation.description, allowed: [])
        }
        return judgements.lazy.compactMap { Self.failure($0, at: step, allowed: []) }.first ?? conflict
    }

    /// A request the interaction must not feel: on an unknown id it is refused with the documented error body
    /// (the `error` preset), without credentials or with a wrong password it is answered 401 (`unauthorized`).
    /// The model does not move: if the target did something, the later steps show it.
    func sendStray(
        _ action: ExploreAction, _ stray: Stray, at step: Int, on id: String, pinned: inout [String: String]
    ) async -> Failure? {
        let body = ExploreRequest.body(action.operation, profile: profile)
        let credentials: Credentials =
            switch stray {
            case .unknownId: .role(action.agent)
            case .noCredentials: .none
            case .wrongPassword: .wrongPassword(action.agent)
            }
        guard
            let (request, answer) = await send(
                body, by: action.agent, on: stray == .unknownId ? "NoSuchInteraction0001" : id,
                credentials: credentials)
        else { return nil }
        return verdict(
            [stray == .unknownId ? .refused(operation: action.operation.name) : .unauthorized], answer: answer,
            request: request, id: id, at: step, sender: stray == .noCredentials ? nil : action.agent,
            allowed: [.refusal], pinned: &pinned)
    }

    /// Sends the operation and judges its answer by the catalog's presets: `success` when done, `error` when
    /// refused. Nil when the target gave no answer. A workbin goes as a string first and, when refused where the
    /// model allows success, as a one-element list (the reading `workbin-form`).
    func perform(_ action: ExploreAction, on id: String, allowed: Set<ModelOutcome>) async
        -> (ModelOutcome, Judgement, status: Int)?
    {
        let body = ExploreRequest.body(action.operation, profile: profile)
        guard var (request, answer) = await send(body, by: action.agent, on: id) else { return nil }
        if Judge.isRefusal(answer), allowed.contains(.success),
            let listForm = ExploreRequest.listFormBody(action.operation, profile: profile),
            let retried = await send(listForm, by: action.agent, on: id), !Judge.isRefusal(retried.1)
        {
            (request, answer) = retried
        }
        let outcome: ModelOutcome = Judge.isRefusal(answer) ? .refusal : .success
        // A 5xx is neither done nor refused: the `error` preset says why it fails (ERROR-NOT-5XX).
        let name = action.operation.name
        let expectation: AnswerExpectation =
            outcome == .success && answer.status / 100 != 5 ? .done(operation: name) : .refused(operation: name)
        return (
            outcome, judged(expectation, answer: answer, request: request, id: id, sender: action.agent), answer.status
        )
    }

    /// An agent's GET of `/me/interactions` (`fields=*` or the URIs): its envelope judged by the catalog's
    /// golden for an interaction the agent handles, or the bare envelope, and whether it lists the interaction
    /// by the model.
    func look(
        _ step: ExploreStep, by agent: String, at index: Int, on id: String, model: inout InteractionModel,
        pinned: inout [String: String]
    ) async -> Failure? {
        let uris: Bool
        if case .uris = step { uris = true } else { uris = false }
        guard
            let (request, answer) = await send(
                nil, by: agent, path: uris ? "/me/interactions" : "/me/interactions?fields=*")
        else { return nil }
        let judgement = judged(
            .listing(uris: uris, listsInteraction: model.listed(for: agent) == [true]), answer: answer,
            request: request, id: id)
        let conflict = Self.record(judgement, in: &pinned, at: index)
        guard answer.status == 200, case .success(let json) = answer.json,
            let member = uris ? json["uris"] : json["interactions"]
        else { return Self.failure(judgement, at: index, allowed: []) }
        let listed = uris ? member.compactText.contains("/" + id) : member.compactText.contains("\"\(id)\"")
        if let problem = model.observeListing(for: agent, listed: listed) {
            var failure = Failure(step: index, requirement: problem.requirement, message: problem.message, allowed: [])
            failure.expected =
                "GET /me/interactions of \(agent) " + (listed ? "does not list" : "lists") + " the interaction"
            failure.actual = "it " + (listed ? "lists" : "does not list") + " it"
            return failure
        }
        if let failure = Self.failure(judgement, at: index, allowed: []) ?? conflict { return failure }
        guard !uris, listed, model.worlds.allSatisfy(\.propertiesUpdated),
            case .array(let interactions) = member,
            let listing = interactions.first(where: { $0["id"]?.stringValue == id })
        else { return nil }
        return await propertiesShow(in: listing, by: agent, at: index, on: id)
    }

    /// The properties UpdateProperties sets in an explored sequence, anywhere in an answer.
    static let explored: JSONValue = ["$anywhere": ["explored": "yes"]]

    /// After UpdateProperties, its properties show where an agent reads the interaction: in its listing, or
    /// else in GET /interactions/{id} (the document does not say where; either passes, as in the catalog).
    func propertiesShow(in listing: JSONValue, by agent: String, at index: Int, on id: String) async -> Failure? {
        let updated = Self.pattern(Self.explored, id: id)
        guard !JSONMatcher.match(updated, listing).differences.isEmpty else { return nil }
        guard let (_, answer) = await send(nil, by: agent, path: "/interactions/" + id) else { return nil }
        if case .success(let json) = answer.json, JSONMatcher.match(updated, json).differences.isEmpty { return nil }
        return Failure(
            step: index, requirement: "UPDATEPROPERTIES-APPLIED",
            message: "the properties UpdateProperties set ({\"explored\":\"yes\"}) show neither in \(agent)'s "
                + "GET /me/interactions?fields=* nor in GET /interactions/{id} (HTTP \(answer.status) "
                + "\(answer.bodySummary))",
            allowed: [],
            caseSteps: [
                [
                    "request": ["as": .text(agent), "path": "/interactions/${ix.id}"],
                    "expect": [["body": YAMLValue(json: Self.explored), "requirement": "UPDATEPROPERTIES-APPLIED"]],
                    "alternatives": [
                        [
                            "send": ["path": "/me/interactions?fields=*"],
                            "expect": [
                                ["body": YAMLValue(json: Self.explored), "requirement": "UPDATEPROPERTIES-APPLIED"]
                            ],
                        ]
                    ],
                ]
            ])
    }

    /// The checks of an expectation against an answer, with `${ix.id}` bound to the interaction. A refusal of a
    /// request sent with `sender`'s credentials also must not repeat them (ERROR-NO-SECRETS).
    func judged(
        _ expectation: AnswerExpectation, answer: HTTPAnswer, request: SentRequest, id: String,
        sender: String? = nil
    ) -> Judgement {
        var checks = expectations[expectation] ?? []
        if let sender, answer.status >= 400 || Judge.isRefusal(answer) {
            checks += expectations[.keepsSecrets(of: sender)] ?? []
        }
        do {
            return try judge.judge(checks, answer: answer, request: request, variables: ["ix.id": .string(id)])
        } catch {
            // Only an unbound variable or a bad matcher throws, and the explorer binds the one its goldens use.
            var judgement = Judgement()
            judgement.info.append("explore could not judge \(request.method) \(request.path): \(error)")
            return judgement
        }
    }

    /// Sends a request as `agent`: a POST of `body` on the interaction, or a GET of `path`; nil without an answer.
    /// `credentials` defaults to the agent's own. A POST to another `url` (Bayeux) keeps its cookies in `ownJar`.
    func send(
        _ body: JSONValue?, by agent: String, on id: String = "", path: String? = nil,
        credentials: Credentials? = nil, url fullURL: String? = nil, ownJar: CookieJar? = nil
    ) async -> (SentRequest, HTTPAnswer)? {
        guard Roles.account(agent, in: profile) != nil else { return nil }
        let credentials = credentials ?? .role(agent)
        let sender = RequestSender(profile: profile, client: client)
        let request = sender.request(
            method: body == nil ? "GET" : "POST", path: fullURL ?? path ?? "/me/interactions/" + id,
            credentials: credentials, body: body?.compactText)
        guard let answer = try? await sender.send(request, credentials: credentials, ownJar: ownJar) else { return nil }
        return (request, answer)
    }
}
