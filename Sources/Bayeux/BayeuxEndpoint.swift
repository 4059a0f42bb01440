import Foundation

/// Where and how to reach a Bayeux server.
public struct BayeuxEndpoint: Sendable {
    /// The URL every batch is POSTed to, e.g. `http://127.0.0.1:8090/api/v2/notifications`.
    public var url: String
    /// Extra request headers, e.g. `("Authorization", "Basic ...")`.
    public var headers: [(String, String)]
    /// The deadline of a handshake, subscribe or disconnect request.
    public var requestTimeout: Duration
    /// Added to the advised `timeout` (how long the server may hold a connect) to get the connect deadline.
    public var connectGrace: Duration
    /// The largest reply body read; a bigger one is a recorded problem.
    public var maxBodyBytes: Int
    /// Backoff and give-up policy of the connect loop.
    public var retry: BayeuxRetryPolicy
    /// How long a connect may be held when the server never advised a `timeout`.
    public var defaultConnectHold: Duration
    /// The user agent's cookies: sent with every request, and kept from every reply (nil: no cookies).
    public var cookies: CookieJar?

    public init(
        url: String,
        headers: [(String, String)] = [],
        requestTimeout: Duration = .seconds(10),
        connectGrace: Duration = .seconds(10),
        maxBodyBytes: Int = 16 * 1024 * 1024,
        retry: BayeuxRetryPolicy = BayeuxRetryPolicy(),
        defaultConnectHold: Duration = .seconds(30),
        cookies: CookieJar? = nil
    ) {
        self.url = url
        self.headers = headers
        self.requestTimeout = requestTimeout
        self.connectGrace = connectGrace
        self.maxBodyBytes = maxBodyBytes
        self.retry = retry
        self.defaultConnectHold = defaultConnectHold
        self.cookies = cookies
    }

    /// An `Authorization` header for HTTP Basic authentication.
    public static func basicAuthorization(username: String, password: String) -> (String, String) {
        ("Authorization", "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
    }
}
