import Testing

@testable import ReferenceServer

/// A Bayeux session of one user on a live server, subscribed to `/v2/me/interactions` (or other spellings).
struct NotificationListener: Sendable {
    var user: TestUser
    var clientId: String

    /// Handshakes and subscribes to `channels`; with `firstConnect`, also sends the session's first `/meta/connect`,
    /// which the server answers at once (`first-connect=immediate`), so that the next connect is held.
    static func open(
        _ user: TestUser,
        channels: [String] = ["/v2/me/interactions"],
        firstConnect: Bool = true
    ) async throws -> NotificationListener {
        let handshake = try await user.bayeux(["channel": "/meta/handshake", "version": "1.0", "id": "1"])
        let clientId = try #require(handshake.first?["clientId"]?.stringValue)
        let subscription: JSONValue =
            channels.count == 1 ? .string(channels[0]) : .array(channels.map(JSONValue.string))
        let subscribe = try await user.bayeux(
            ["channel": "/meta/subscribe", "clientId": .string(clientId), "subscription": subscription]
        )
        #expect(subscribe.first?["successful"] == true)
        let listener = NotificationListener(user: user, clientId: clientId)
        if firstConnect {
            #expect(try await listener.connectMessages().isEmpty)
        }
        return listener
    }

    /// One `/meta/connect`: the data of the messages it carried.
    func connect() async throws -> [JSONValue] {
        try await connectMessages().compactMap { $0["data"] }
    }

    /// One `/meta/connect`: the messages it carried (channel, id and data), after the connect reply.
    func connectMessages() async throws -> [JSONValue] {
        try await connectReply().messages
    }

    /// One `/meta/connect`: the messages it carried and the answer's text as written.
    func connectReply() async throws -> (messages: [JSONValue], text: String) {
        let reply = try await user.post(
            "/api/v2/notifications",
            #"[{"channel":"/meta/connect","clientId":"\#(clientId)","connectionType":"long-polling"}]"#
        )
        let replies = reply.json?.arrayValue ?? []
        #expect(replies.first?["channel"] == "/meta/connect")
        return (Array(replies.dropFirst()), reply.text)
    }

    /// Connects until a message with `state` arrives, at most `attempts` long-polls; the messages seen.
    func receive(state: String, attempts: Int = 3) async throws -> [JSONValue] {
        var seen: [JSONValue] = []
        for _ in 0..<attempts {
            seen += try await connect()
            if seen.contains(where: { $0["state"]?.stringValue == state }) {
                return seen
            }
        }
        Issue.record("No \(state) message; got \(seen.map(\.jsonText))")
        return seen
    }
}
