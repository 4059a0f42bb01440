import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel

/// The requests the model judges in any state and that change nothing: reads of the interaction and of every
/// interaction, the Contact Center Admin's operations and reads, and an agent's own Bayeux exchanges. Their answers
/// are judged with the checks of the catalog's cases for them (`interaction-get`, `interactions-as-admin`,
/// `interaction-get-as-admin`, `bayeux-handshake`, …).
extension Explorer {
    func probe(
        _ probe: ExploreProbe, by agent: String, at step: Int, on id: String, model: InteractionModel,
        pinned: inout [String: String]
    ) async -> Failure? {
        let allowed = model.shown(by: probe, to: agent)
        let shown = allowed.count == 1 ? allowed.first : nil
        let path = probe.pathTemplate.replacingOccurrences(of: "${ix.id}", with: id)
        let bayeux = probe.body != nil
        // A Bayeux exchange keeps its cookies in a jar of its own: a cookie its handshake sets must not replace the
        // one of the agent's open session.
        let jar = bayeux ? CookieJar() : nil
        guard
            let (request, answer) = await send(
                probe.body, by: agent, path: path, url: bayeux ? profile.notificationsURL : nil, ownJar: jar)
        else { return nil }
        if probe == .handshake, case .success(let json) = answer.json, case .array(let replies) = json,
            let clientId = replies.lazy.compactMap({ $0["clientId"]?.stringValue }).first
        {
            // Leave no session behind.
            let disconnect: JSONValue = [["channel": "/meta/disconnect", "clientId": .string(clientId)]]
            _ = await send(disconnect, by: agent, url: profile.notificationsURL, ownJar: jar)
        }
        return verdict(
            probe.expectations(by: agent, shown: shown), answer: answer, request: request, id: id, at: step,
            sender: agent, pinned: &pinned)
    }

    /// An operation by the Contact Center Admin: refused whatever the state (OPERATION-PERMISSIONS). The model does
    /// not move: if the target did it anyway, the later steps show it.
    func sendAsAdmin(_ operation: ModelOperation, at step: Int, on id: String, pinned: inout [String: String])
        async -> Failure?
    {
        let body = ExploreRequest.body(operation, profile: profile)
        guard let (request, answer) = await send(body, by: ExploreProbe.admin, on: id) else { return nil }
        return verdict(
            [.forbidden("OPERATION-PERMISSIONS")], answer: answer, request: request, id: id, at: step,
            sender: ExploreProbe.admin, pinned: &pinned)
    }

    /// An answer judged by one expectation, or by the first of several the document allows (the admin's reads,
    /// admin-get) that holds: nil when one holds, else the failure of the first; the readings the answer showed by
    /// it are kept, and one that contradicts an earlier answer is the failure (READING-CONSISTENT).
    func verdict(
        _ expectations: [AnswerExpectation], answer: HTTPAnswer, request: SentRequest, id: String, at step: Int,
        sender: String?, allowed: Set<ModelOutcome> = [], pinned: inout [String: String]
    ) -> Failure? {
        var first: (Judgement, Failure)?
        for expectation in expectations {
            let judgement = judged(expectation, answer: answer, request: request, id: id, sender: sender)
            guard let failure = Self.failure(judgement, at: step, allowed: allowed) else {
                return Self.record(judgement, in: &pinned, at: step)
            }
            if first == nil { first = (judgement, failure) }
        }
        guard let (judgement, failure) = first else { return nil }
        // The answer fails: what it showed of the readings is kept all the same.
        Self.record(judgement, in: &pinned, at: step)
        return failure
    }
}
