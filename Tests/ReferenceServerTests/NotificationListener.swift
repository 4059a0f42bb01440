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
    func connectReply() async throws -> (messages: [JSONValue], text: String, successful: Bool) {
        let reply = try await user.post(
            "/api/v2/notifications",
            #"[{"channel":"/meta/connect","clientId":"\#(clientId)","connectionType":"long-polling"}]"#
        )
        let replies = reply.json?.arrayValue ?? []
        #expect(replies.first?["channel"] == "/meta/connect")
        return (Array(replies.dropFirst()), reply.text, replies.first?["successful"] == true)
    }

    /// Connects until a message whose data satisfies `marker` arrives: the data of every message received, up to
    /// the end of the connect that brought the marker. A marker that never comes is an issue after `limit`; each
    /// connect returns as soon as the server has a message, so the limit only bounds a failure.
    func messages(
        through marker: (JSONValue) -> Bool,
        within limit: Duration = .seconds(30)
    ) async throws -> [JSONValue] {
        let deadline = ContinuousClock.now + limit
        var seen: [JSONValue] = []
        while ContinuousClock.now < deadline {
            let reply = try await connectReply()
            seen += reply.messages.compactMap { $0["data"] }
            if seen.contains(where: marker) {
                return seen
            }
            guard reply.successful else {
                Issue.record("The session ended before the awaited message came: \(reply.text)")
                return seen
            }
        }
        Issue.record("The awaited message never came within \(limit); got \(seen.map(\.jsonText))")
        return seen
    }

    /// The data of the messages before the first one that satisfies `marker`.
    ///
    /// This is how the tests check that something did not arrive. The server delivers a session's messages in the
    /// order it queued them, so anything queued before the marker shows up before it; no quiet period is timed.
    func messages(before marker: (JSONValue) -> Bool) async throws -> [JSONValue] {
        let seen = try await messages(through: marker)
        return Array(seen.prefix { !marker($0) })
    }

    /// The data of the messages before the first one about interaction `id` (see `messages(before:)`).
    func messages(beforeInteraction id: String) async throws -> [JSONValue] {
        try await messages(before: { $0["id"] == .string(id) })
    }

    /// Connects until a message with `state` arrives: the data of the messages seen (see `messages(through:)`).
    func receive(state: String) async throws -> [JSONValue] {
        try await messages(through: { $0["state"]?.stringValue == state })
    }
}
