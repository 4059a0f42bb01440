import AsyncHTTPClient
import Bayeux
import Foundation

/// One Bayeux session per agent of the profile, open for the whole run so that cases reuse them.
struct NotificationSessions: Sendable {
    static let channel = "/v2/me/interactions"

    let profile: TargetProfile
    let httpClient: HTTPClient
    let timeout: Duration

    /// Opens a session per agent role (`agent1`...), runs `body` with their inboxes and the problems of the
    /// ones that could not be opened, then closes them.
    func withOpenSessions<T: Sendable>(
        _ body: @escaping @Sendable ([String: NotificationInbox], [String: String]) async -> T
    ) async -> T {
        let roles = profile.agents.indices.map { (role: "agent\($0 + 1)", account: profile.agents[$0]) }
        return await open(roles[...], inboxes: [:], problems: [:], body)
    }

    private func open<T: Sendable>(
        _ remaining: ArraySlice<(role: String, account: TargetProfile.Account)>,
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
        let outcome = Outcome<T>()
        do {
            return try await BayeuxSession.withSession(
                endpoint: endpoint,
                channels: [Self.channel],
                httpClient: httpClient
            ) { session in
                var opened = inboxes
                opened[next.role] = session.inbox
                let value = await open(rest, inboxes: opened, problems: problems, body)
                outcome.value = value
                return value
            }
        } catch {
            if let value = outcome.value { return value }
            var failed = problems
            failed[next.role] = String(describing: error)
            return await open(rest, inboxes: inboxes, problems: failed, body)
        }
    }
}

/// Keeps the body's result when closing a session fails after the body ran, so the body never runs twice.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?

    var value: T? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// The `Authorization` header value of HTTP Basic authentication.
enum BasicAuth {
    static func header(_ username: String, _ password: String) -> String {
        "Basic " + Data((username + ":" + password).utf8).base64EncodedString()
    }
}
