import AsyncHTTPClient
import Bayeux
import Foundation

/// One Bayeux session per agent of the profile, open for the whole run so that cases reuse them.
///
/// The sessions get an HTTP client of their own: each holds a long-poll connection open, and sharing a pool
/// with the cases' requests would leave those waiting behind the long-polls.
struct NotificationSessions: Sendable {
    static let channel = "/v2/me/interactions"
    /// Both spellings: the document writes the channel once with a trailing slash, and a Bayeux server delivers a
    /// message only to the subscribers of the exact name it publishes on.
    static let channels = [channel, channel + "/"]

    let profile: TargetProfile
    let timeout: Duration
    /// Once it trips, the sessions close without a disconnect: the target no longer answers.
    var breaker = CircuitBreaker(limit: 0)

    /// Opens a session per agent role (`agent1`...), runs `body` with their inboxes and the problems of the
    /// ones that could not be opened, then closes them.
    func withOpenSessions<T: Sendable>(
        _ body: @escaping @Sendable ([String: NotificationInbox], [String: String]) async -> T
    ) async -> T {
        let roles = profile.agents.indices.map { (role: "agent\($0 + 1)", account: profile.agents[$0]) }
        var configuration = TargetClient.httpClientConfiguration
        // A long-poll per agent, plus room for subscribe and disconnect requests beside them.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 2 * roles.count + 4
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let value = await open(roles[...], httpClient: httpClient, inboxes: [:], problems: [:], body)
        try? await httpClient.shutdown()
        return value
    }

    private func open<T: Sendable>(
        _ remaining: ArraySlice<(role: String, account: TargetProfile.Account)>,
        httpClient: HTTPClient,
        inboxes: [String: NotificationInbox],
        problems: [String: String],
        _ body: @escaping @Sendable ([String: NotificationInbox], [String: String]) async -> T
    ) async -> T {
        guard let next = remaining.first else { return await body(inboxes, problems) }
        let rest = remaining.dropFirst()
        let endpoint = BayeuxEndpoint(
            url: profile.notificationsURL,
            headers: [("Authorization", BasicAuth.header(next.account.username, next.account.password))],
            requestTimeout: timeout,
            connectGrace: timeout,
            maxBodyBytes: 16 * 1024 * 1024
        )
        let outcome = Locked<T?>(nil)  // the body ran: never run it twice
        do {
            return try await BayeuxSession.withSession(
                endpoint: endpoint,
                channels: Self.channels,
                httpClient: httpClient,
                disconnect: breaker.trip == nil
            ) { session in
                var opened = inboxes
                opened[next.role] = session.inbox
                let value = await open(rest, httpClient: httpClient, inboxes: opened, problems: problems, body)
                outcome.withLock { $0 = value }
                return value
            }
        } catch {
            if let value = outcome.current { return value }
            var failed = problems
            failed[next.role] = String(describing: error)
            return await open(rest, httpClient: httpClient, inboxes: inboxes, problems: failed, body)
        }
    }
}

/// The `Authorization` header value of HTTP Basic authentication.
public enum BasicAuth {
    public static func header(_ username: String, _ password: String) -> String {
        "Basic " + Data((username + ":" + password).utf8).base64EncodedString()
    }
}
