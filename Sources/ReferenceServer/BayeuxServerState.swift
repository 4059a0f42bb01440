/// The Bayeux (CometD long-polling) server as a pure state machine: sessions, subscriptions and message queues.
///
/// Every function takes the authenticated user and the current instant and returns replies and deliveries; the
/// actor around it owns the waiting HTTP requests. Tests drive it without sockets.
struct BayeuxServerState: Sendable {
    /// The fixed choices of a server.
    struct Settings: Sendable {
        var longPollTimeout: Duration = .seconds(20)
        var sessionTimeout: Duration = .seconds(60)
        /// The channel interaction messages go out on (`notification-channel`); only sessions subscribed to this
        /// spelling get them.
        var publishChannel = "/v2/me/interactions"
        /// Hold the first `/meta/connect` of a session like later ones (`first-connect=held`); otherwise it is
        /// answered at once.
        var holdsFirstConnect = false
        /// Publish on this channel, to every subscribed session, instead of the notification channel (a deviation);
        /// `nil` normally.
        var forcedChannel: String?
        /// Deliver every user's messages to every subscribed session (a deviation).
        var broadcasts = false
        /// Tell every other subscribed session of each interaction message, nested and by URI only (a deviation).
        var tellsStrangersNested = false
        /// Answer `/meta/connect` with an unknown `clientId` successfully (a deviation).
        var acceptsUnknownClients = false
        /// Name the handshake's clientId "clientID" (a deviation).
        var misspellsClientId = false
        /// Queue every message twice (a deviation).
        var deliversTwice = false
        /// Expire each user's session once, at its first connect after a delivery, keeping what it had not yet
        /// delivered for the user's next session (the `session-expiry` deployment).
        var expiresSessionsOnce = false
    }

    /// The channels a client may subscribe to; the document writes it with and without the slash.
    static let notificationChannels: Set<String> = ["/v2/me/interactions", "/v2/me/interactions/"]

    let settings: Settings
    var sessions: [String: BayeuxClientSession] = [:]
    /// Once closing, connects are answered at once and held ones are released.
    var isClosing = false
    var lastToken = 0
    var lastMessageId = 0
    /// Users whose session the server expired once (`session-expiry`).
    var expiredUsers: Set<String> = []
    /// Messages for users whose session expired and who have not subscribed again yet, delivered to their next
    /// session.
    var kept: [String: [JSONValue]] = [:]

    init(settings: Settings) {
        self.settings = settings
    }

    /// Handles one message from `user`.
    mutating func receive(_ message: JSONValue, from user: String, at now: ContinuousClock.Instant) -> BayeuxReaction {
        expireSessions(at: now)
        guard let object = message.objectValue else {
            return BayeuxReaction(replies: [["successful": false, "error": "400::Invalid message"]])
        }
        let id = object["id"]
        guard let channel = object["channel"]?.stringValue else {
            return BayeuxReaction(replies: [reply(nil, id: id, successful: false, [("error", "400::Missing channel")])])
        }
        switch channel {
        case "/meta/handshake":
            return BayeuxReaction(replies: [handshake(user: user, id: id, at: now)])
        case "/meta/connect":
            return connect(object, user: user, at: now)
        case "/meta/subscribe", "/meta/unsubscribe":
            return BayeuxReaction(replies: [subscription(object, channel: channel, user: user)])
        case "/meta/disconnect":
            return disconnect(object, user: user)
        default:
            let error = channel.hasPrefix("/meta/") ? "400::Unknown channel" : "403::Publish denied"
            return BayeuxReaction(replies: [reply(channel, id: id, successful: false, [("error", .string(error))])])
        }
    }

    /// The strangers-told-nested switch: every other subscribed session hears of the interaction, nested in an
    /// activity message that names it by URI only.
    private mutating func tellStrangers(of notification: AgentNotification, on channel: String) {
        guard let id = notification.data["id"]?.stringValue else { return }
        let activity: JSONValue = [
            "messageTypeName": "AgentActivityMessage",
            "activity": ["interaction": ["uri": .string("/api/v2/interactions/" + id)]],
        ]
        for clientId in sessions.keys.sorted() {
            guard var session = sessions[clientId], session.user != notification.agentId,
                session.subscriptions.contains(channel)
            else { continue }
            lastMessageId += 1
            session.queue.append(["channel": .string(channel), "data": activity, "id": .string(String(lastMessageId))])
            sessions[clientId] = session
        }
    }

    /// Queues `notifications` for their users' subscribed sessions and completes the held connects that can now
    /// carry them. Messages for a user with no subscribed session are dropped. A notification without a channel of
    /// its own goes on the publish channel, to the sessions subscribed to that spelling, once per session; one with a
    /// channel of its own (or a forced channel) goes to every session subscribed to either spelling.
    mutating func publish(_ notifications: [AgentNotification], at now: ContinuousClock.Instant) -> [BayeuxDelivery] {
        expireSessions(at: now)
        let clientIds = sessions.keys.sorted()
        for notification in notifications {
            let own = notification.channel ?? settings.forcedChannel
            let channel = own ?? settings.publishChannel
            for clientId in clientIds {
                guard var session = sessions[clientId],
                    session.user == notification.agentId || settings.broadcasts,
                    own == nil ? session.subscriptions.contains(channel) : !session.subscriptions.isEmpty
                else { continue }
                for _ in 0..<(settings.deliversTwice ? 2 : 1) {
                    lastMessageId += 1
                    session.queue.append(
                        ["channel": .string(channel), "data": notification.data, "id": .string(String(lastMessageId))]
                    )
                }
                sessions[clientId] = session
            }
            if kept[notification.agentId] != nil {
                lastMessageId += 1
                kept[notification.agentId, default: []].append(
                    ["channel": .string(channel), "data": notification.data, "id": .string(String(lastMessageId))])
            }
            if settings.tellsStrangersNested { tellStrangers(of: notification, on: channel) }
        }
        return clientIds.compactMap { clientId in
            guard let session = sessions[clientId], !session.queue.isEmpty else { return nil }
            return complete(clientId, at: now)
        }
    }

    /// Completes the held connect `token` because its time is up; `nil` when it was already completed.
    mutating func endHold(_ token: Int, at now: ContinuousClock.Instant) -> BayeuxDelivery? {
        guard let clientId = sessions.first(where: { $0.value.heldConnect?.token == token })?.key else {
            return nil
        }
        return complete(clientId, at: now)
    }

    /// Stops holding connects and completes those held.
    mutating func close(at now: ContinuousClock.Instant) -> [BayeuxDelivery] {
        isClosing = true
        return sessions.keys.sorted().compactMap { complete($0, at: now) }
    }

    /// Drops the messages no connect has taken yet; sessions and subscriptions stay.
    mutating func dropPendingMessages() {
        for clientId in sessions.keys {
            sessions[clientId]?.queue = []
        }
        for user in kept.keys { kept[user] = [] }
    }

    /// Whether `clientId` has a connect held open.
    func isHolding(_ clientId: String) -> Bool {
        sessions[clientId]?.heldConnect != nil
    }

    // MARK: - Helpers

    /// Answers the held connect of `clientId` with everything queued for it.
    mutating func complete(_ clientId: String, at now: ContinuousClock.Instant) -> BayeuxDelivery? {
        guard var session = sessions[clientId], let held = session.heldConnect else { return nil }
        let messages = [connectReply(.string(clientId), id: held.requestId)] + session.queue
        session.delivered += session.queue.count
        session.queue = []
        session.heldConnect = nil
        session.lastSeen = now
        sessions[clientId] = session
        return BayeuxDelivery(token: held.token, messages: messages)
    }

    mutating func expireSessions(at now: ContinuousClock.Instant) {
        let expired = sessions.values.filter { $0.heldConnect == nil && $0.lastSeen + settings.sessionTimeout < now }
        for session in expired {
            sessions[session.clientId] = nil
        }
    }

    func connectReply(_ clientId: JSONValue, id: JSONValue?) -> JSONValue {
        reply(
            "/meta/connect",
            id: id,
            successful: true,
            [("clientId", clientId), ("advice", advice(reconnect: isClosing ? "none" : "retry"))]
        )
    }

    func unknownClient(_ channel: String, _ object: JSONObject) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("error", "402::Unknown client"), ("advice", ["reconnect": "handshake", "interval": 0]),
        ]
        if let subscription = object["subscription"] {
            members.insert(("subscription", subscription), at: 0)
        }
        return reply(channel, id: object["id"], successful: false, members)
    }

    func advice(reconnect: String) -> JSONValue {
        let timeout = settings.longPollTimeout.components
        let milliseconds = Int(timeout.seconds) * 1000 + Int(timeout.attoseconds / 1_000_000_000_000_000)
        return ["reconnect": .string(reconnect), "interval": 0, "timeout": .integer(milliseconds)]
    }

    func reply(
        _ channel: String?,
        id: JSONValue?,
        successful: Bool,
        _ members: [(String, JSONValue)] = []
    ) -> JSONValue {
        var object = JSONObject()
        object["channel"] = channel.map(JSONValue.string)
        object["id"] = id
        object["successful"] = .bool(successful)
        for (key, value) in members {
            object[key] = value
        }
        return .object(object)
    }
}
