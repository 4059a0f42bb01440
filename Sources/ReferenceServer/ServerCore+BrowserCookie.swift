import Foundation

extension ServerCore {
    /// The cookie the `session-cookie` deployment sets at handshake (CometD's own name for it).
    static let browserCookie = "BAYEUX_BROWSER"

    /// What the `session-cookie` deployment lets through of one Bayeux batch from `user`, who sent `cookieHeader`:
    /// a handshake always (and it sets a new cookie when the request had no valid one); any other message only with
    /// the cookie bound to `user`, else it is answered `402::Unknown client` with advice `handshake` at once.
    func admit(_ messages: [JSONValue], user: String, cookieHeader: String?)
        -> (admitted: [JSONValue], refused: [JSONValue], setCookie: String?)
    {
        let sent = Self.cookieValues(cookieHeader, named: Self.browserCookie)
        let valid = sent.contains { browsers[$0] == user }
        var admitted: [JSONValue] = []
        var refused: [JSONValue] = []
        var handshakes = false
        for message in messages {
            let object = message.objectValue ?? JSONObject()
            let channel = object["channel"]?.stringValue
            if channel == "/meta/handshake" {
                handshakes = true
                admitted.append(message)
            } else if valid || !(channel?.hasPrefix("/meta/") ?? false) {
                admitted.append(message)
            } else {
                refused.append(bayeux.unknownClient(channel ?? "/meta/connect", object))
            }
        }
        guard handshakes, !valid else { return (admitted, refused, nil) }
        var value = RandomIdentifier.make(length: 20)
        while browsers[value] != nil { value = RandomIdentifier.make(length: 20) }
        browsers[value] = user
        return (admitted, refused, "\(Self.browserCookie)=\(value); Path=/; HttpOnly")
    }

    /// The values of the cookie `name` in a `Cookie` header.
    static func cookieValues(_ header: String?, named name: String) -> [String] {
        guard let header else { return [] }
        return header.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
    }
}
