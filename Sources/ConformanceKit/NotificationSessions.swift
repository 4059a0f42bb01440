import AsyncHTTPClient
import Bayeux
import ConformanceCatalog
import Foundation

/// One Bayeux session per agent of the profile, open for the whole run so that cases reuse them.
///
/// The sessions get an HTTP client of their own: each holds a long-poll connection open, and sharing a pool
/// with the cases' requests would leave those waiting behind the long-polls.
package struct NotificationSessions: Sendable {
    package static let channel = "/v2/me/interactions"
    /// Both spellings: the document writes the channel once with a trailing slash, and a Bayeux server delivers a
    /// message only to the subscribers of the exact name it publishes on.
    package static let channels = [channel, channel + "/"]

    package let profile: TargetProfile
    package let timeout: Duration
    /// Once it trips, the sessions close without a disconnect: the target no longer answers.
    package var breaker = CircuitBreaker(limit: 0)
    /// Each agent's cookies, shared with its REST requests.
    package var cookies = CookieJars()
    /// TLS and proxy for the notifications URL (the run made and checked them).
    package var transport = TransportSettings()

    package init(
        profile: TargetProfile, timeout: Duration, breaker: CircuitBreaker = CircuitBreaker(limit: 0),
        cookies: CookieJars = CookieJars(), transport: TransportSettings = TransportSettings()
    ) {
        self.profile = profile
        self.timeout = timeout
        self.breaker = breaker
        self.cookies = cookies
        self.transport = transport
    }

    /// Opens a session per agent role (`agent1`...), all at once, runs `body` with their inboxes and the problems
    /// of the ones that could not be opened, then closes them (all at once too).
    package func withOpenSessions<T: Sendable>(
        _ body: @escaping @Sendable ([String: NotificationInbox], [String: String]) async -> T
    ) async -> T {
        // Once the breaker has tripped, no case will run: opening sessions would only cost another timeout.
        let roles =
            breaker.trip != nil
            ? [] : profile.agents.indices.map { (role: "agent\($0 + 1)", account: profile.agents[$0]) }
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: Self.clientConfiguration(transport, sessions: roles.count))
        let (opened, report) = AsyncStream.makeStream(
            of: (role: String, outcome: Result<NotificationInbox, any Error>).self)
        let releases = roles.map { _ in AsyncStream.makeStream(of: Never.self) }
        let value = await withTaskGroup(of: Void.self) { group in
            for (index, entry) in roles.enumerated() {
                let release = releases[index].stream
                group.addTask {
                    await hold(entry.role, entry.account, httpClient: httpClient, until: release, report: report)
                }
            }
            var inboxes: [String: NotificationInbox] = [:]
            var problems: [String: String] = [:]
            if roles.isEmpty { report.finish() }
            // One report per role; a session that fails after it opened has reported already.
            for await next in opened where inboxes[next.role] == nil && problems[next.role] == nil {
                switch next.outcome {
                case .success(let inbox): inboxes[next.role] = inbox
                case .failure(let error): problems[next.role] = String(describing: error)
                }
                if inboxes.count + problems.count == roles.count { break }
            }
            let value = await body(inboxes, problems)
            for release in releases { release.continuation.finish() }
            await group.waitForAll()
            return value
        }
        report.finish()
        try? await httpClient.shutdown()
        return value
    }

    /// The sessions' HTTP client: the TLS and proxy settings of the notifications URL, and a long-poll per agent
    /// plus room for subscribe and disconnect requests beside them.
    package static func clientConfiguration(_ transport: TransportSettings, sessions: Int) -> HTTPClient.Configuration {
        var configuration = TargetClient.httpClientConfiguration
        transport.apply(to: &configuration)
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 2 * sessions + 4
        return configuration
    }

    /// Opens one agent's session, reports its inbox (or why it could not be opened), and keeps it open until
    /// `release` finishes.
    private func hold(
        _ role: String,
        _ account: TargetProfile.Account,
        httpClient: HTTPClient,
        until release: AsyncStream<Never>,
        report: AsyncStream<(role: String, outcome: Result<NotificationInbox, any Error>)>.Continuation
    ) async {
        let endpoint = BayeuxEndpoint(
            url: profile.notificationsURL,
            headers: [("Authorization", BasicAuth.header(account.username, account.password))],
            requestTimeout: timeout,
            connectGrace: timeout,
            maxBodyBytes: 16 * 1024 * 1024,
            cookies: cookies.jar(for: account.username)
        )
        do {
            try await BayeuxSession.withSession(
                endpoint: endpoint,
                channels: Self.channels,
                httpClient: httpClient,
                disconnect: breaker.trip == nil
            ) { session in
                report.yield((role, .success(session.inbox)))
                for await _ in release {}
            }
        } catch {
            report.yield((role, .failure(error)))
        }
    }
}

/// The `Authorization` header value of HTTP Basic authentication.
public enum BasicAuth {
    /// The password the suite sends to check that a wrong one is refused.
    public static let wrongPassword = "not-the-password"

    public static func header(_ username: String, _ password: String) -> String {
        "Basic " + Data((username + ":" + password).utf8).base64EncodedString()
    }
}
