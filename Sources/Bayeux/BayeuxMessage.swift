import ConformanceJSON

/// A Bayeux message: a JSON object with typed accessors.
///
/// The object is kept as received (key order and unknown members included), so targets may send anything;
/// the accessors read the well-known members and answer `nil` when one is missing or of another type.
public struct BayeuxMessage: Sendable, Hashable {
    /// The whole message as it was received or will be sent.
    public var json: JSONObject

    public init(_ json: JSONObject) {
        self.json = json
    }

    /// The channel (`/meta/connect`, `/v2/me/interactions`, ...).
    public var channel: String? {
        get { json["channel"]?.stringValue }
        set { json["channel"] = newValue.map(JSONValue.string) }
    }

    /// The client id the handshake assigned.
    public var clientId: String? {
        get { json["clientId"]?.stringValue }
        set { json["clientId"] = newValue.map(JSONValue.string) }
    }

    /// The message id; a number sent where a string belongs is read as its text, to correlate leniently.
    public var id: String? {
        get {
            switch json["id"] {
            case .string(let string): string
            case .number(let number): JSONValue.number(number).compactText
            default: nil
            }
        }
        set { json["id"] = newValue.map(JSONValue.string) }
    }

    /// Whether a meta request succeeded (on every `/meta/*` reply).
    public var successful: Bool? {
        get { json["successful"]?.boolValue }
        set { json["successful"] = newValue.map(JSONValue.bool) }
    }

    /// The channel a `/meta/subscribe` request or reply is about.
    public var subscription: String? {
        get { json["subscription"]?.stringValue }
        set { json["subscription"] = newValue.map(JSONValue.string) }
    }

    /// The payload of a message published on a channel.
    public var data: JSONValue? {
        get { json["data"] }
        set { json["data"] = newValue }
    }

    /// The error of an unsuccessful reply (`402::Unknown client`).
    public var error: String? {
        get { json["error"]?.stringValue }
        set { json["error"] = newValue.map(JSONValue.string) }
    }

    /// The server's advice, when the message carries an `advice` object.
    public var advice: BayeuxAdvice? {
        get { json["advice"]?.objectValue.map(BayeuxAdvice.init(json:)) }
        set { json["advice"] = newValue.map { .object($0.json) } }
    }

    /// Whether the message is on a `/meta/*` channel (protocol traffic, not a notification).
    public var isMeta: Bool {
        channel.map { BayeuxChannel($0).isMeta } ?? false
    }

    /// The numeric code in front of `error` (`402` of `402::Unknown client`), if any.
    public var errorCode: Int? {
        guard let error, let code = error.split(separator: ":", maxSplits: 1).first else { return nil }
        return Int(String(code).filter { !$0.isWhitespace })
    }

    /// A `/meta/handshake` request for protocol version 1.0 over long-polling.
    public static func handshake(id: String) -> BayeuxMessage {
        [
            "channel": "/meta/handshake",
            "version": "1.0",
            "minimumVersion": "1.0",
            "supportedConnectionTypes": ["long-polling"],
            "id": .string(id),
        ]
    }

    /// A `/meta/connect` request over long-polling.
    public static func connect(clientId: String, id: String) -> BayeuxMessage {
        [
            "channel": "/meta/connect",
            "clientId": .string(clientId),
            "connectionType": "long-polling",
            "id": .string(id),
        ]
    }

    /// A `/meta/subscribe` request for one channel.
    public static func subscribe(clientId: String, channel: String, id: String) -> BayeuxMessage {
        [
            "channel": "/meta/subscribe",
            "clientId": .string(clientId),
            "subscription": .string(channel),
            "id": .string(id),
        ]
    }

    /// A `/meta/disconnect` request.
    public static func disconnect(clientId: String, id: String) -> BayeuxMessage {
        [
            "channel": "/meta/disconnect",
            "clientId": .string(clientId),
            "id": .string(id),
        ]
    }
}

extension BayeuxMessage: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}

extension BayeuxMessage: CustomStringConvertible {
    public var description: String { JSONValue.object(json).abbreviated() }
}
