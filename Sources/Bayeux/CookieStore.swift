import Foundation

/// The cookies one user agent holds, kept as RFC 6265 says (no I/O, no locking: ``CookieJar`` wraps it).
///
/// It parses each `Set-Cookie` as §5.2 says (without Foundation's `HTTPCookie`, whose FoundationNetworking would
/// tie the binary to libcurl) and keeps what a cookie storage keeps: the `Domain` attribute must cover the host
/// that set it (§5.3 step 6),
/// a cookie without `Path` takes the default path of its URL (§5.1.4), `Max-Age` wins over `Expires` (§5.3 step 3),
/// a cookie replaces the one of the same name, domain and path (§5.3 step 11), expired ones are dropped, and a
/// request gets the cookies whose domain, path and `Secure` flag fit it, longest path first (§5.4).
public struct CookieStore: Sendable {
    struct Entry: Sendable {
        var name: String
        var value: String
        /// Lowercased, without a leading dot.
        var domain: String
        /// Whether only the exact host that set it gets it back (no `Domain` attribute).
        var hostOnly: Bool
        var path: String
        var secure: Bool
        var expires: Date?
        var created: Date
    }

    private var entries: [Entry] = []

    public init() {}

    /// How many unexpired cookies are held at `now`.
    public func count(at now: Date = Date()) -> Int {
        entries.filter { $0.expires.map { $0 > now } ?? true }.count
    }

    /// Takes the cookies of one answer's `Set-Cookie` header values, received from `url` at `now`.
    public mutating func store(_ setCookies: [String], from url: URL, at now: Date = Date()) {
        guard let host = url.host?.lowercased(), !setCookies.isEmpty else { return }
        for header in setCookies {
            guard let entry = Self.entry(header, host: host, url: url, now: now) else { continue }
            let created =
                entries.first { $0.name == entry.name && $0.domain == entry.domain && $0.path == entry.path }?
                .created
            entries.removeAll { $0.name == entry.name && $0.domain == entry.domain && $0.path == entry.path }
            if let expires = entry.expires, expires <= now { continue }
            var kept = entry
            kept.created = created ?? now
            entries.append(kept)
        }
    }

    /// The `Cookie` header value for a request to `url` at `now`, or nil when no cookie fits.
    public func header(for url: URL, at now: Date = Date()) -> String? {
        guard let host = url.host?.lowercased() else { return nil }
        let path = Self.requestPath(url)
        let secure = url.scheme?.lowercased() == "https"
        let fitting = entries.filter { entry in
            (entry.expires.map { $0 > now } ?? true)
                && (entry.hostOnly ? host == entry.domain : Self.domainMatches(host, entry.domain))
                && Self.pathMatches(path, entry.path) && (!entry.secure || secure)
        }
        .sorted { $0.path.count != $1.path.count ? $0.path.count > $1.path.count : $0.created < $1.created }
        guard !fitting.isEmpty else { return nil }
        return fitting.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    private static func entry(_ header: String, host: String, url: URL, now: Date) -> Entry? {
        // §5.2 steps 1-6: the name-value pair is what comes before the first ";", split at its first "=".
        let pair = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        let attributes = attributes(header)
        // §5.2.3: an empty Domain is ignored (the cookie is host-only); a leading dot is dropped.
        let given = attributes["domain"].map { $0.lowercased().drop { $0 == "." }.description } ?? ""
        let hostOnly = given.isEmpty
        let domain = hostOnly ? host : given
        guard !domain.isEmpty, hostOnly || domainMatches(host, domain) else { return nil }
        var expires = attributes["expires"].flatMap(date)
        // §5.2.2: Max-Age is digits, with an optional leading "-"; anything else is ignored.
        if let maxAge = attributes["max-age"].flatMap({ Int($0) }) {
            expires = maxAge <= 0 ? Date.distantPast : now.addingTimeInterval(TimeInterval(maxAge))
        }
        // §5.2.4: a Path that does not start with "/" is the default path (Foundation would make it "/").
        let path = attributes["path"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? defaultPath(url)
        return Entry(
            name: name, value: value, domain: domain, hostOnly: hostOnly, path: path,
            secure: attributes["secure"] != nil, expires: expires, created: now)
    }

    /// An `Expires` date in the forms servers send: RFC 1123 (`Wed, 21 Oct 2026 07:28:00 GMT`), RFC 850
    /// (`Wednesday, 21-Oct-26 07:28:00 GMT`), its four-digit-year variant, and asctime; nil otherwise (§5.2.1
    /// ignores an attribute it cannot read).
    static func date(_ text: String) -> Date? {
        for format in [
            "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE, dd-MMM-yyyy HH:mm:ss zzz",
            "EEE MMM d HH:mm:ss yyyy",
        ] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// The attributes of one `Set-Cookie` value as written, by lowercased name (the last one of a name wins):
    /// Foundation normalizes `Domain` and `Path`, and does not say which were given.
    static func attributes(_ header: String) -> [String: String] {
        var attributes: [String: String] = [:]
        for attribute in header.split(separator: ";").dropFirst() {
            let parts = attribute.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { continue }
            attributes[name] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return attributes
    }

    /// The path of a request as sent: percent-encoded, trailing slash kept ("/" when there is none).
    static func requestPath(_ url: URL) -> String {
        let path = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        return path.isEmpty ? "/" : path
    }

    /// RFC 6265 §5.1.3: the host is the domain, or ends with "." + domain and is not an IP address.
    static func domainMatches(_ host: String, _ domain: String) -> Bool {
        if host == domain { return true }
        let isAddress = host.contains(":") || host.split(separator: ".").allSatisfy { Int($0) != nil }
        return !isAddress && host.hasSuffix("." + domain)
    }

    /// RFC 6265 §5.1.4: the cookie path is the request path, or a prefix of it ending at a "/".
    static func pathMatches(_ requestPath: String, _ cookiePath: String) -> Bool {
        guard requestPath.hasPrefix(cookiePath) else { return false }
        return requestPath.count == cookiePath.count || cookiePath.hasSuffix("/")
            || requestPath.dropFirst(cookiePath.count).hasPrefix("/")
    }

    /// RFC 6265 §5.1.4: the directory of the request path ("/" when there is none).
    static func defaultPath(_ url: URL) -> String {
        let path = requestPath(url)
        guard path.hasPrefix("/"), let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
