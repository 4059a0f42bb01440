import Foundation
import NIOConcurrencyHelpers

/// The cookies of one user agent, shared by its REST requests and its Bayeux session: a load balancer or servlet
/// container may set a session cookie on any answer and require it on every later request.
public final class CookieJar: Sendable {
    private let store = NIOLockedValueBox(CookieStore())

    public init() {}

    /// The `Cookie` header for a request to `url`, if any cookie fits it.
    public func header(for url: String) -> String? {
        guard let url = URL(string: url) else { return nil }
        return store.withLockedValue { $0.header(for: url) }
    }

    /// Keeps the cookies an answer from `url` set (its `Set-Cookie` header values).
    public func store(_ setCookies: [String], from url: String) {
        guard !setCookies.isEmpty, let url = URL(string: url) else { return }
        store.withLockedValue { $0.store(setCookies, from: url) }
    }

    /// How many cookies it holds now.
    public var count: Int { store.withLockedValue { $0.count() } }
}

/// One cookie jar per account, as a browser profile or a CometD client per user has; or none at all when the
/// profile says `cookies: false`.
public final class CookieJars: Sendable {
    /// Whether cookies are kept at all.
    public let enabled: Bool
    /// Every account shares one jar: what a suite that keeps a single client would do (tests show it fails).
    let shared: Bool
    private let jars = NIOLockedValueBox([String: CookieJar]())

    public init(enabled: Bool = true) {
        self.enabled = enabled
        self.shared = false
    }

    init(sharedByAll: Void) {
        self.enabled = true
        self.shared = true
    }

    /// One jar for every account (for tests that show why the suite keeps one per account).
    public static func sharedByAll() -> CookieJars { CookieJars(sharedByAll: ()) }

    /// The jar of the account `key` (its user name); nil when cookies are off or there is no account.
    public func jar(for key: String?) -> CookieJar? {
        guard enabled, let key else { return nil }
        let name = shared ? "" : key
        return jars.withLockedValue { jars in
            if let jar = jars[name] { return jar }
            let jar = CookieJar()
            jars[name] = jar
            return jar
        }
    }
}
