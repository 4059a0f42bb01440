import Bayeux
import ConformanceCatalog
import ConformanceJSON
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
        let admin = agent == ExploreProbe.admin
        switch probe {
        case .details:
            guard let (request, answer) = await send(nil, by: agent, path: "/interactions/" + id) else { return nil }
            if admin {
                return either(
                    [.forbidden("INTERACTION-PERMISSIONS"), .adminDetails], answer: answer, request: request, id: id,
                    at: step)
            }
            let owed = model.worksInEveryState(agent)
            return verdict(
                .details(owed: owed), answer: answer, request: request, id: id, at: step, sender: agent, pinned: &pinned
            )
        case .allInteractions:
            guard let (request, answer) = await send(nil, by: agent, path: "/interactions") else { return nil }
            let listed = model.listedAmongAll
            return verdict(
                .allInteractions(listing: listed.count == 1 ? listed.first : nil), answer: answer, request: request,
                id: id, at: step, sender: agent, pinned: &pinned)
        case .ownInteractions:
            guard let (request, answer) = await send(nil, by: agent, path: "/me/interactions") else { return nil }
            return either(
                [.forbidden("ME-INTERACTIONS-PERMISSIONS"), .adminOwnInteractions], answer: answer, request: request,
                id: id, at: step)
        case .handshake:
            // A jar of its own: a cookie the handshake sets must not replace the one of the agent's open session.
            let jar = CookieJar()
            let handshake: JSONValue = [
                [
                    "channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["long-polling"],
                    "id": "1",
                ]
            ]
            guard
                let (request, answer) = await send(
                    handshake, by: agent, url: profile.notificationsURL, ownJar: jar)
            else { return nil }
            // Leave no session behind.
            if case .success(let json) = answer.json, case .array(let replies) = json,
                let clientId = replies.lazy.compactMap({ $0["clientId"]?.stringValue }).first
            {
                let disconnect: JSONValue = [["channel": "/meta/disconnect", "clientId": .string(clientId)]]
                _ = await send(disconnect, by: agent, url: profile.notificationsURL, ownJar: jar)
            }
            return verdict(
                .handshake, answer: answer, request: request, id: id, at: step, sender: agent, pinned: &pinned)
        case .unknownClient:
            let connect: JSONValue = [
                [
                    "channel": "/meta/connect", "clientId": "NoSuchClient0001", "connectionType": "long-polling",
                    "id": "2",
                ]
            ]
            guard
                let (request, answer) = await send(
                    connect, by: agent, url: profile.notificationsURL, ownJar: CookieJar())
            else { return nil }
            return verdict(
                .unknownClient, answer: answer, request: request, id: id, at: step, sender: agent, pinned: &pinned)
        }
    }

    /// An operation by the Contact Center Admin: refused whatever the state (OPERATION-PERMISSIONS). The model does
    /// not move: if the target did it anyway, the later steps show it.
    func sendAsAdmin(_ operation: ModelOperation, at step: Int, on id: String, pinned: inout [String: String])
        async -> Failure?
    {
        let body = ExploreRequest.body(operation, profile: profile)
        guard let (request, answer) = await send(body, by: ExploreProbe.admin, on: id) else { return nil }
        return verdict(
            .forbidden("OPERATION-PERMISSIONS"), answer: answer, request: request, id: id, at: step,
            sender: ExploreProbe.admin, pinned: &pinned)
    }

    /// The failure of one expectation's checks, and the readings the answer showed.
    func verdict(
        _ expectation: AnswerExpectation, answer: HTTPAnswer, request: SentRequest, id: String, at step: Int,
        sender: String, pinned: inout [String: String]
    ) -> Failure? {
        let judgement = judged(expectation, answer: answer, request: request, id: id, sender: sender)
        let conflict = Self.record(judgement, in: &pinned, at: step)
        return Self.failure(judgement, at: step, allowed: []) ?? conflict
    }

    /// Where the document allows either of several answers (the admin's reads, admin-get): nil when one of them
    /// holds, else the failure of the first.
    func either(
        _ expectations: [AnswerExpectation], answer: HTTPAnswer, request: SentRequest, id: String, at step: Int
    ) -> Failure? {
        let failures = expectations.map {
            Self.failure(
                judged($0, answer: answer, request: request, id: id, sender: ExploreProbe.admin), at: step, allowed: [])
        }
        return failures.contains { $0 == nil } ? nil : failures.first ?? nil
    }
}
