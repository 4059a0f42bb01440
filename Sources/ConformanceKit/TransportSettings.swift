import AsyncHTTPClient
import ConformanceCatalog
import Foundation
import NIOSSL

/// The transport settings of each URL a run talks to: the API, the fixtures and the notifications may differ in
/// their proxy (`NO_PROXY`, loopback), never in TLS trust.
public struct Transports: Sendable {
    public var api: TransportSettings
    public var fixtures: TransportSettings
    public var notifications: TransportSettings

    /// Every URL's settings; the first problem (a certificate file, a proxy URL) throws.
    public init(_ profile: TargetProfile, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(TransportSettings.Problem)
    {
        api = try TransportSettings.make(for: profile.baseURL, profile: profile, environment: environment)
        notifications = try TransportSettings.make(
            for: profile.notificationsURL, profile: profile, environment: environment)
        if case .http(let url) = profile.fixtures {
            fixtures = try TransportSettings.make(for: url, profile: profile, environment: environment)
        } else {
            fixtures = api
        }
    }
}

/// How the suite's connections to one URL of the target go: whom TLS trusts and which client certificate it
/// presents (the profile's `tls:`), and through which proxy (the profile's `proxy:`, else `HTTPS_PROXY` or
/// `HTTP_PROXY` unless `NO_PROXY` names the host; loopback is never sent to an environment proxy).
public struct TransportSettings: Sendable {
    /// A `tls:` file that does not hold what it should, or a proxy URL that cannot be used.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Nil: AsyncHTTPClient's defaults (the system's trust roots).
    public var tls: TLSConfiguration?
    public var proxy: HTTPClient.Configuration.Proxy?
    /// The proxy as a URL without credentials, for messages and the reachability probe.
    public var proxyURL: String?

    public init(tls: TLSConfiguration? = nil, proxy: HTTPClient.Configuration.Proxy? = nil, proxyURL: String? = nil) {
        self.tls = tls
        self.proxy = proxy
        self.proxyURL = proxyURL
    }

    /// Whether anything differs from a plain client.
    public var isDefault: Bool { tls == nil && proxy == nil }

    /// The settings for connections to `url`.
    public static func make(
        for url: String,
        profile: TargetProfile,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(Problem) -> TransportSettings {
        var settings = TransportSettings()
        if let tls = profile.tls { settings.tls = try configuration(tls) }
        if let proxy = proxyURL(for: url, profile: profile, environment: environment) {
            guard let components = URLComponents(string: proxy), components.scheme?.lowercased() == "http",
                let host = components.host, !host.isEmpty
            else {
                throw Problem(
                    description: "the proxy '\(proxy)' is not an http:// proxy URL like http://proxy.lab:3128 "
                        + "(the suite tunnels through HTTP proxies with CONNECT)")
            }
            let port = components.port ?? 80
            if let user = components.user {
                settings.proxy = .server(
                    host: host, port: port,
                    authorization: .basic(
                        username: user.removingPercentEncoding ?? user,
                        password: components.password.map { $0.removingPercentEncoding ?? $0 } ?? ""))
            } else {
                settings.proxy = .server(host: host, port: port)
            }
            settings.proxyURL =
                host.contains(":") && !host.hasPrefix("[") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
        }
        return settings
    }

    /// Applies the settings to an HTTP client configuration.
    public func apply(to configuration: inout HTTPClient.Configuration) {
        if let tls { configuration.tlsConfiguration = tls }
        if let proxy { configuration.proxy = proxy }
    }

    /// The client configuration of `TargetClient` with these settings.
    public var httpClientConfiguration: HTTPClient.Configuration {
        var configuration = TargetClient.httpClientConfiguration
        apply(to: &configuration)
        return configuration
    }

    package static func configuration(_ tls: TargetProfile.TLS) throws(Problem) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        do {
            if let file = tls.caFile {
                let certificates = try NIOSSLCertificate.fromPEMBytes(Array(file.pem.utf8))
                configuration.additionalTrustRoots = [.certificates(certificates)]
            }
        } catch {
            throw Problem(description: "tls.caFile \(tls.caFile?.path ?? ""): no certificate could be read: \(error)")
        }
        if let certificate = tls.clientCertificate, let key = tls.clientKey {
            do {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.pem.utf8))
                    .map { .certificate($0) }
            } catch {
                throw Problem(description: "tls.clientCertificate \(certificate.path): cannot be read: \(error)")
            }
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key.pem.utf8), format: .pem))
            } catch {
                throw Problem(description: "tls.clientKey \(key.path): not a PEM private key: \(error)")
            }
        }
        if tls.insecure { configuration.certificateVerification = .none }
        return configuration
    }

    /// The proxy for `url`: the profile's, else the environment's for its scheme unless `NO_PROXY` or loopback
    /// exempts the host.
    package static func proxyURL(for url: String, profile: TargetProfile, environment: [String: String]) -> String? {
        if let proxy = profile.proxy { return proxy }
        guard let (host, port) = Reachability.endpoint(of: url) else { return nil }
        let names =
            url.lowercased().hasPrefix("https:") ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
        guard let proxy = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        let bare = host.lowercased()
        if isLoopback(bare) { return nil }
        let exemptions = environment["NO_PROXY"] ?? environment["no_proxy"] ?? ""
        if exempts(exemptions, host: bare, port: port) { return nil }
        return proxy.contains("://") ? proxy : "http://" + proxy
    }

    /// Whether a `NO_PROXY` list names the host: `*`, the host itself, or a domain it is in (`lab.example` and
    /// `.lab.example` both cover `gws.lab.example`); an entry with a port covers that port only.
    package static func exempts(_ list: String, host: String, port: Int) -> Bool {
        for raw in list.split(separator: ",") {
            var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard !entry.isEmpty else { continue }
            if entry == "*" { return true }
            if let colon = entry.lastIndex(of: ":"), !entry.hasPrefix("["), entry.filter({ $0 == ":" }).count == 1 {
                guard Int(entry[entry.index(after: colon)...]) == port else { continue }
                entry = String(entry[..<colon])
            }
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if host == domain || host.hasSuffix("." + domain) { return true }
        }
        return false
    }

    package static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
    }

    /// A TLS or proxy failure in words, with what to change; nil when the failure is of another kind.
    package static func connectionProblem(_ reason: String, url: String, transport: TransportSettings) -> String? {
        let host = Reachability.endpoint(of: url).map { "\($0.host):\($0.port)" } ?? url
        if reason.contains("CERTIFICATE_VERIFY_FAILED") || reason.contains("certificate verify failed") {
            return "TLS with \(host) failed: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED). "
                + "Name the CA that signed it in the profile's tls.caFile, or set tls.insecure: true to skip the check"
        }
        let presented = !(transport.tls?.certificateChain.isEmpty ?? true)
        let refusedCertificate = ["UNKNOWN_CA", "BAD_CERTIFICATE", "CERTIFICATE_UNKNOWN", "CERTIFICATE_EXPIRED"]
            .contains { reason.contains($0) }
        if presented, refusedCertificate || reason.contains("HANDSHAKE_FAILURE") {
            return "TLS with \(host) failed: the server refused the client certificate of tls.clientCertificate "
                + "(\(reason)); give one signed by a CA the server trusts"
        }
        if !presented, reason.contains("CERTIFICATE_REQUIRED") || reason.contains("certificate required") {
            return "TLS with \(host) failed: the server asks for a client certificate (\(reason)). Name one it "
                + "trusts in the profile's tls.clientCertificate and tls.clientKey"
        }
        if !presented, reason.contains("HANDSHAKE_FAILURE") {
            return "TLS with \(host) failed: the server ended the handshake (\(reason)). It may want a client "
                + "certificate (tls.clientCertificate, tls.clientKey), or a TLS version or cipher the suite does not offer"
        }
        if reason.contains("failedToValidateHostname") || reason.contains("Couldn't find") {
            return "TLS with \(host) failed: the server's certificate does not name \(host) (hostname mismatch). "
                + "Use the host name the certificate was issued for in baseURL"
        }
        if reason.contains("WRONG_VERSION_NUMBER") || reason.contains("handshakeFailed") || reason.contains("NIOSSL") {
            return "TLS with \(host) failed (\(reason)); check that the target serves https at that port"
        }
        if let proxy = transport.proxyURL,
            reason.contains("Proxy") || reason.contains("proxy") || reason.contains("invalidProxyResponse")
        {
            return "the proxy \(proxy) did not open a connection to \(host): \(reason)"
        }
        return nil
    }
}
