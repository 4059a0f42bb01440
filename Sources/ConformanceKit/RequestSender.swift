import Bayeux
import ConformanceCatalog

/// Sends one request as both the runner and the explorer do: `Accept: application/json`, the credentials'
/// `Authorization`, the account's cookies (none with the wrong password, which plays someone without a session),
/// and the curl line that reproduces it.
package struct RequestSender: Sendable {
    package let profile: TargetProfile
    package var client: TargetClient

    package init(profile: TargetProfile, client: TargetClient) {
        self.profile = profile
        self.client = client
    }

    /// The request as it will be sent: a `path` that is a whole URL (Bayeux's) is sent as it is, any other goes
    /// under the profile's `baseURL`.
    package func request(method: String, path: String, credentials: Credentials, body: String?) -> SentRequest {
        let url = path.hasPrefix("http://") || path.hasPrefix("https://") ? path : profile.baseURL + path
        let (account, _, wrong) = credentials.authorization(in: profile)
        return SentRequest(
            method: method, path: path, url: url, body: body,
            curl: CurlCommand.line(method: method, url: url, account: account, wrongPassword: wrong, body: body))
    }

    /// Sends `request` with `credentials`, within `timeout` when it is shorter than the client's; `ownJar` keeps
    /// the cookies of an exchange apart from the account's (a second Bayeux session).
    package func send(
        _ request: SentRequest, credentials: Credentials, timeout: Duration? = nil, ownJar: CookieJar? = nil
    ) async throws(TargetClient.TransportError) -> HTTPAnswer {
        let (account, authorization, wrong) = credentials.authorization(in: profile)
        var headers = [("Accept", "application/json")]
        if let authorization { headers.append(("Authorization", authorization)) }
        var client = self.client
        if let timeout { client.timeout = min(client.timeout, timeout) }
        return try await client.send(
            method: request.method, url: request.url, headers: headers, body: request.body.map { Array($0.utf8) },
            cookiesOf: wrong ? nil : account?.username, ownJar: ownJar)
    }
}
