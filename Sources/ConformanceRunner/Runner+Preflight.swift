import AsyncHTTPClient
import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceReport
import Foundation

extension Runner {
    /// Checks, before the first case, what only the server can tell about the profile, all at once and within a
    /// request timeout plus a notification timeout: that `baseURL` answers like this API, that every account's
    /// credentials are accepted, that every agent gets a CometD session on `notifications`, and that the fixtures
    /// reset the target and route an interaction whose invitation reaches its agent. Each problem names the
    /// profile field to fix. Throws when the target cannot be reached at all (exit 3), as a run would.
    public func preflight(httpClient: HTTPClient) async throws(Unreachable) -> [PreflightProblem] {
        try await withClients(httpClient) { (api, fixtureClient, transports) async throws(Unreachable) in
            let timeouts = self.timeouts
            let client = self.client(api, fixtureHTTPClient: fixtureClient, breaker: CircuitBreaker(limit: 0))
            try await probe(timeout: timeouts.request, transport: transports.api, client: client)
            let accounts = await checkAccounts(client)
            let sessions = NotificationSessions(
                profile: profile, timeout: timeouts.request, cookies: client.cookies,
                transport: transports.notifications)
            let fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
            let profile = profile
            let (sessionProblems, fixtureProblems) = await sessions.withOpenSessions { inboxes, problems in
                (problems, await Self.checkFixtures(fixtures, profile: profile, inboxes: inboxes, timeouts: timeouts))
            }
            return Self.merge(
                accounts: accounts, sessions: sessionProblems, fixtures: fixtureProblems, profile: profile)
        }
    }

    /// Every account as the profile names it (`agents[1]`, `admin`), with its account.
    private var accounts: [(field: String, account: TargetProfile.Account, agent: Bool)] {
        profile.agents.enumerated().map { ("agents[\($0.offset)]", $0.element, true) }
            + (profile.admin.map { [("admin", $0, false)] } ?? [])
    }

    /// One `GET /me/interactions` per account, all at once: its credentials, and that baseURL leads to this API.
    private func checkAccounts(_ client: TargetClient) async -> [PreflightProblem] {
        let url = profile.baseURL + "/me/interactions"
        return await withTaskGroup(of: (Int, [PreflightProblem]).self) { group in
            for (index, entry) in accounts.enumerated() {
                group.addTask {
                    let header = BasicAuth.header(entry.account.username, entry.account.password)
                    let answer: HTTPAnswer
                    do {
                        answer = try await client.send(
                            method: "GET", url: url,
                            headers: [("Authorization", header), ("Accept", "application/json")],
                            body: nil, cookiesOf: entry.account.username)
                    } catch {
                        return (index, [PreflightProblem(field: "baseURL", message: "GET \(url): \(error)")])
                    }
                    return (
                        index,
                        Self.judgeAccount(answer, url: url, field: entry.field, entry.account, agent: entry.agent)
                    )
                }
            }
            var found: [(Int, [PreflightProblem])] = []
            for await result in group { found.append(result) }
            return found.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// What one account's `GET /me/interactions` says about the profile.
    static func judgeAccount(
        _ answer: HTTPAnswer, url: String, field: String, _ account: TargetProfile.Account, agent: Bool
    ) -> [PreflightProblem] {
        let user = "user '\(account.username)'"
        switch answer.status {
        case 401:
            return [
                PreflightProblem(
                    field: "\(field).password",
                    message: "the target refused the credentials of \(user) (GET \(url) answered HTTP 401); check "
                        + "\(field).username and \(field).password")
            ]
        case 404, 405:
            return [
                PreflightProblem(
                    field: "baseURL",
                    message: "GET \(url) answered HTTP \(answer.status) \(answer.bodySummary): baseURL does not lead "
                        + "to this API (it must be the URL the document's /api/v2 paths start at)")
            ]
        case 403 where agent:
            return [
                PreflightProblem(
                    field: "\(field)",
                    message: "\(user) may not list its interactions (GET \(url) answered HTTP 403): is it an agent "
                        + "account? (admin accounts belong under admin)")
            ]
        case 403:
            return []
        case 500...:
            return [
                PreflightProblem(
                    field: field, message: "GET \(url) as \(user) answered HTTP \(answer.status) \(answer.bodySummary)")
            ]
        default:
            guard (200..<300).contains(answer.status) else { return [] }
            if case .failure = answer.json {
                return [
                    PreflightProblem(
                        field: "baseURL",
                        message: "GET \(url) answered HTTP \(answer.status) with \(answer.bodySummary), not JSON: "
                            + "baseURL leads to something else than this API")
                ]
            }
            return []
        }
    }

    /// Resets the target, routes one interaction to the first agent and waits for its invitation; resets again.
    static func checkFixtures(
        _ fixtures: FixtureDriver, profile: TargetProfile, inboxes: [String: NotificationInbox],
        timeouts: TargetProfile.Timeouts
    ) async -> [PreflightProblem] {
        let field: String
        switch profile.fixtures {
        case .http: field = "fixtures.url"
        case .command: field = "fixtures"
        case .manual: return []
        }
        do {
            try await fixtures.reset()
        } catch {
            return [PreflightProblem(field: field, message: error.description)]
        }
        guard let agent = profile.agents.first, let mediaType = profile.mediaTypes.first else { return [] }
        let id: String
        do {
            id = try await fixtures.createInteraction(mediaType: mediaType, agentId: agent.id, properties: [:])
        } catch {
            return [PreflightProblem(field: field, message: error.description)]
        }
        // Without a session for the first agent, the sessions' own problem says why; nothing more to learn here.
        guard inboxes["agent1"] != nil else { return [] }
        // Every agent's session listens: an invitation that reaches another agent is told at once, by name.
        let reached = await firstToHear(id, inboxes: inboxes, within: timeouts.notification)
        // Leave the target as the run expects it (it resets again before its first case).
        try? await fixtures.reset()
        let created = "the \(mediaType) interaction \(id) the fixtures created for agents[0] ('\(agent.id)')"
        switch reached {
        case "agent1":
            return []
        case .some(let role):
            let index = (Int(role.dropFirst("agent".count)) ?? 1) - 1
            let other = profile.agents.indices.contains(index) ? profile.agents[index] : agent
            return [
                PreflightProblem(
                    field: "agents[0].id",
                    message: "\(created) was notified to agents[\(index)] (user '\(other.username)') instead: the "
                        + "target knows user '\(agent.username)' by another id than '\(agent.id)', or the fixtures "
                        + "route by another id")
            ]
        case nil:
            return [
                PreflightProblem(
                    field: field,
                    message: "\(created) sent no notification to any agent's CometD session within "
                        + "\(DurationText.milliseconds(timeouts.notification)) ms: the fixtures do not route it, or "
                        + "the target does not publish on \(NotificationSessions.channel)")
            ]
        }
    }

    /// The role (`agent2`) of the first inbox that receives a notification naming `id`, or nil within `limit`.
    private static func firstToHear(
        _ id: String, inboxes: [String: NotificationInbox], within limit: Duration
    ) async -> String? {
        let deadline = ContinuousClock.now + limit
        return await withTaskGroup(of: String?.self) { group in
            for (role, inbox) in inboxes {
                group.addTask {
                    let heard = await inbox.first(deadline: deadline) { notification in
                        JSONMatcher.match(.anywhere(.literal(.string(id))), notification.data).isMatch
                    }
                    return heard == nil ? nil : role
                }
            }
            var first: String?
            for await role in group where role != nil {
                first = role
                break
            }
            group.cancelAll()
            return first
        }
    }

    /// One list, in profile order: the accounts' problems, the sessions' (once for all agents when they share
    /// their cause, and never for an account whose credentials were already refused), then the fixtures'.
    static func merge(
        accounts: [PreflightProblem], sessions: [String: String], fixtures: [PreflightProblem], profile: TargetProfile
    ) -> [PreflightProblem] {
        var problems = accounts
        let refused = Set(accounts.filter { $0.field.hasSuffix(".password") }.map(\.field))
        let failing = profile.agents.indices.compactMap { index -> (Int, String)? in
            guard let message = sessions["agent\(index + 1)"], !refused.contains("agents[\(index)].password") else {
                return nil
            }
            return (index, message)
        }
        if failing.count > 1, Set(failing.map(\.1)).count == 1 {
            problems.append(
                PreflightProblem(
                    field: "notifications",
                    message: "no agent got a CometD session at \(profile.notificationsURL): \(failing[0].1)"))
        } else {
            for (index, message) in failing {
                problems.append(
                    PreflightProblem(
                        field: "agents[\(index)]",
                        message: "user '\(profile.agents[index].username)' got no CometD session at "
                            + "\(profile.notificationsURL): \(message)"))
            }
        }
        var unique: [PreflightProblem] = []
        for problem in problems + fixtures where !unique.contains(problem) {
            // A baseURL problem is one problem, however many accounts met it.
            if problem.field == "baseURL", unique.contains(where: { $0.field == "baseURL" }) { continue }
            unique.append(problem)
        }
        return unique
    }
}
