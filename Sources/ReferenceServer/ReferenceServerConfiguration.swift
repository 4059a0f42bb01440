/// What a reference server serves: where it listens, its accounts, queues, workbins, media types, the reading it
/// follows of each open point, and deviations.
public struct ReferenceServerConfiguration: Sendable {
    /// The address to bind, `127.0.0.1` by default.
    public var host: String
    /// The port to bind; 0 picks an ephemeral port.
    public var port: Int
    /// The agents, in routing order (a rejected interaction goes to the next one).
    public var agents: [Account]
    /// The Contact Center Admin.
    public var admin: Account
    /// The queues that `PlaceInQueue` accepts.
    public var queues: [String]
    /// The workbins that `PlaceInWorkbin` and `GetWorkbinContent` accept.
    public var workbins: [String]
    /// The media types that fixtures may create.
    public var mediaTypes: [String]
    /// The documented behaviours this server breaks on purpose.
    public var deviations: Set<Switch>
    /// The alternative followed for each point the document leaves open; all defaults unless told otherwise.
    public var readings: Readings
    /// Serve the conformant-but-different variant: other interaction ids, reversed member order, extra members,
    /// empty 200s for operations, agent-state messages on `/v2/me/agent`, another order across agents, and
    /// notifications a little after the HTTP answer. The suite must not fail it.
    public var variant: Bool
    /// How long a Bayeux `/meta/connect` is held when no message is waiting.
    public var longPollTimeout: Duration
    /// A Bayeux session that sends no `/meta/connect` for this long expires.
    public var sessionTimeout: Duration
    /// Request bodies above this many bytes are answered with 413.
    public var maxBodySize: Int
    /// Added before every REST answer (API and fixtures; not Bayeux), to stand for a network link.
    public var latency: Duration = .zero
    /// How the server is deployed: cookies, session expiry, closed connections, other messages, slow notifications.
    public var deployment: Set<DeploymentTrait> = []
    /// Serve HTTPS with these certificates instead of HTTP (`serve --tls`).
    public var tls: LabCertificates?
    /// The mean delay of a notification after its change, spread uniformly 250 ms either side (less for a shorter mean)
    /// and kept in order per agent; zero delivers at once. `slow-notifications` sets 450 ms when this is zero.
    public var notificationLatency: Duration = .zero

    /// The notification latency in force: the one given, else the one `slow-notifications` stands for.
    var effectiveNotificationLatency: Duration {
        if notificationLatency > .zero { return notificationLatency }
        return deployment.contains(.slowNotifications) ? DeploymentTrait.defaultNotificationLatency : .zero
    }

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        agents: [Account]? = nil,
        admin: Account? = nil,
        queues: [String] = ["queue-a", "queue-b"],
        workbins: [String] = ["workbin-a", "workbin-b"],
        mediaTypes: [String] = ["email", "chat"],
        deviations: Set<Switch> = [],
        readings: Readings = Readings(),
        variant: Bool = false,
        longPollTimeout: Duration = .seconds(20),
        sessionTimeout: Duration = .seconds(60),
        maxBodySize: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.agents =
            agents
            ?? (1...3).map {
                Account(id: "agent-\($0)", username: "agent\($0)", password: RandomIdentifier.make(length: 16))
            }
        self.admin = admin ?? Account(id: "admin-1", username: "admin", password: RandomIdentifier.make(length: 16))
        self.queues = queues
        self.workbins = workbins
        self.mediaTypes = mediaTypes
        self.deviations = deviations
        self.readings = readings
        self.variant = variant
        self.longPollTimeout = longPollTimeout
        self.sessionTimeout = sessionTimeout
        self.maxBodySize = maxBodySize
    }

    /// The default accounts, queues, workbins and media types, with random passwords.
    public static func generated(
        port: Int = 0,
        deviations: Set<Switch> = [],
        readings: Readings = Readings(),
        variant: Bool = false
    ) -> ReferenceServerConfiguration {
        ReferenceServerConfiguration(port: port, deviations: deviations, readings: readings, variant: variant)
    }

    /// How the server phrases what the document leaves open.
    var dialect: Dialect { variant ? .variant : .reference }

    /// The state of an invitation message (a new interaction offered, a transfer to accept).
    var invitationState: InteractionState {
        readings.follows(.invitedState, "other") ? .new : .invited
    }

    /// The channel interaction messages are published on.
    var notificationChannel: String {
        readings.follows(.notificationChannel, "trailing-slash") ? "/v2/me/interactions/" : "/v2/me/interactions"
    }

    /// The account with this Basic user name, if any (agents first, then the admin).
    func account(username: String) -> Account? {
        agents.first { $0.username == username } ?? (admin.username == username ? admin : nil)
    }

    func isAgent(_ id: String) -> Bool {
        agents.contains { $0.id == id }
    }
}
