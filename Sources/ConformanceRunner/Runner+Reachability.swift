import Bayeux
import ConformanceKit

extension Runner {
    /// One TCP connect to the target (or to its proxy): a refused connect or an unknown host means it cannot be
    /// reached. Through TLS or a proxy, one unauthenticated GET of the base URL follows, since a certificate the
    /// suite does not trust, or a proxy that will not tunnel, stops every exchange alike; any HTTP answer will do.
    func probe(timeout: Duration, transport: TransportSettings, client: TargetClient) async throws(Unreachable) {
        do {
            try await Reachability.check(transport.proxyURL ?? profile.baseURL, timeout: timeout)
        } catch {
            let what =
                transport.proxyURL.map { "the proxy \($0) for \(profile.baseURL)" }
                ?? "the target at \(profile.baseURL)"
            throw Unreachable(description: "\(what) cannot be reached: \(error)")
        }
        guard profile.baseURL.lowercased().hasPrefix("https:") || transport.proxyURL != nil else { return }
        var probe = client
        probe.cookies = CookieJars(enabled: false)
        do {
            _ = try await probe.exchange(method: "GET", url: profile.baseURL, headers: [], body: nil)
        } catch {
            if let problem = TransportSettings.connectionProblem(
                error.reason, url: profile.baseURL, transport: transport)
            {
                throw Unreachable(description: problem)
            }
        }
    }
}
