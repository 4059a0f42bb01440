/// A running server: where it listens and the profile to reach it.
public struct RunningReferenceServer: Sendable {
    /// The REST base, `http://HOST:PORT/api/v2`.
    public var baseURL: String
    /// The fixture control contract, `http://HOST:PORT/fixtures`.
    public var fixturesURL: String
    /// The bound port (the ephemeral one when the configuration asked for 0).
    public var port: Int
    /// The configuration the server runs with.
    public var configuration: ReferenceServerConfiguration
    /// The shared state, for tests that must wait on the server instead of sleeping.
    let core: ServerCore

    init(port: Int, configuration: ReferenceServerConfiguration, core: ServerCore) {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let scheme = configuration.tls == nil ? "http" : "https"
        self.baseURL = "\(scheme)://\(host):\(port)/api/v2"
        self.fixturesURL = "\(scheme)://\(host):\(port)/fixtures"
        self.port = port
        self.configuration = configuration
        self.core = core
    }

    /// The users whose Bayeux session the `session-expiry` deployment has expired so far.
    public func expiredSessionUsers() async -> Set<String> {
        await core.bayeux.expiredUsers
    }

    /// The Bayeux endpoint, `baseURL/notifications`.
    public var notificationsURL: String { baseURL + "/notifications" }

    /// The target profile (YAML) that points the suite at this server.
    public func profileYAML(name: String = "Reference server", tlsFiles: [String: String] = [:]) -> String {
        let tls = ["caFile", "clientCertificate", "clientKey"].compactMap { field in
            tlsFiles[field].map { "\(field): \(Self.quoted($0))" }
        }
        let agents = configuration.agents.map { "  - \(Self.flow($0))" }.joined(separator: "\n")
        let lists = { (values: [String]) in "[" + values.map { Self.scalar($0) }.joined(separator: ", ") + "]" }
        return """
            name: \(Self.scalar(name, allowingSpaces: true))
            baseURL: \(baseURL)
            notifications: \(notificationsURL)
            auth: basic
            agents:
            \(agents)
            admin: \(Self.flow(configuration.admin))
            queues: \(lists(configuration.queues))
            workbins: \(lists(configuration.workbins))
            mediaTypes: \(lists(configuration.mediaTypes))
            fixtures: {kind: http, url: \(fixturesURL)}
            \(tls.isEmpty ? "" : "tls: {\(tls.joined(separator: ", "))}\n")
            """
    }

    private static func flow(_ account: Account) -> String {
        "{id: \(scalar(account.id)), username: \(scalar(account.username)), password: \(quoted(account.password))}"
    }

    /// Plain when the value is a simple word, double-quoted otherwise.
    private static func scalar(_ value: String, allowingSpaces: Bool = false) -> String {
        let punctuation = allowingSpaces ? "-_.() " : "-_."
        let simple = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || punctuation.unicodeScalars.contains($0)
        }
        let reserved = ["true", "false", "null", "yes", "no", "on", "off", "~"].contains(value.lowercased())
        let plain =
            simple && !reserved && Double(value) == nil && value.first?.isLetter == true && value.last != " "
        return plain ? value : quoted(value)
    }

    /// A JSON string literal doubles as a YAML double-quoted scalar.
    private static func quoted(_ value: String) -> String {
        JSONValue.quoted(value)
    }
}
