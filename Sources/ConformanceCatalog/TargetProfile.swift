import Foundation

/// The server under test and how to drive it (docs/profile.md).
public struct TargetProfile: Sendable, Hashable {
    /// A user the suite acts as.
    public struct Account: Sendable, Hashable {
        public var id: String
        public var username: String
        public var password: String
        /// The environment variable the password came from, so curl lines can refer to it instead of printing it.
        public var passwordVariable: String?

        public init(id: String, username: String, password: String, passwordVariable: String? = nil) {
            self.id = id
            self.username = username
            self.password = password
            self.passwordVariable = passwordVariable
        }
    }

    /// How the suite sets up interactions on the target.
    public enum Fixtures: Sendable, Hashable {
        case http(url: String)
        case command(create: String, reset: String?)
        case manual
    }

    /// Per-step deadlines.
    public struct Timeouts: Sendable, Hashable {
        /// For one HTTP exchange.
        public var request: Duration = .seconds(10)
        /// For an expected notification to arrive.
        public var notification: Duration = .seconds(5)
        /// How long to watch for a notification that must not arrive.
        public var quietPeriod: Duration = .milliseconds(300)

        public init() {}
    }

    public var name: String
    /// Ends in `/api/v2` (no trailing slash); request paths are appended to it.
    public var baseURL: String
    public var notificationsURL: String
    public var agents: [Account]
    public var admin: Account?
    public var queues: [String]
    public var workbins: [String]
    public var mediaTypes: [String]
    public var fixtures: Fixtures
    public var timeouts: Timeouts
    /// Keep a cookie jar per account, for REST and Bayeux alike, as a browser or CometD client does (`cookies:`).
    public var cookies = true
    /// TLS settings for an `https` target (`tls:`); nil: the system's trust roots, no client certificate.
    public var tls: TLS?
    /// The HTTP proxy every connection goes through (`proxy:`); nil: the environment's `HTTPS_PROXY`,
    /// `HTTP_PROXY` and `NO_PROXY` decide.
    public var proxy: String?

    public init(
        name: String,
        baseURL: String,
        notificationsURL: String? = nil,
        agents: [Account],
        admin: Account?,
        queues: [String],
        workbins: [String],
        mediaTypes: [String],
        fixtures: Fixtures,
        timeouts: Timeouts = Timeouts()
    ) {
        self.name = name
        self.baseURL = baseURL
        self.notificationsURL = notificationsURL ?? baseURL + "/notifications"
        self.agents = agents
        self.admin = admin
        self.queues = queues
        self.workbins = workbins
        self.mediaTypes = mediaTypes
        self.fixtures = fixtures
        self.timeouts = timeouts
    }
}
