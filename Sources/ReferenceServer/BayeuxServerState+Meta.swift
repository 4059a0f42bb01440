/// The meta channels: handshake, connect, subscriptions and disconnect.
extension BayeuxServerState {
    mutating func handshake(user: String, id: JSONValue?, at now: ContinuousClock.Instant) -> JSONValue {
        var clientId = RandomIdentifier.make(length: 24)
        while sessions[clientId] != nil {
            clientId = RandomIdentifier.make(length: 24)
        }
        sessions[clientId] = BayeuxClientSession(clientId: clientId, user: user, lastSeen: now)
        return reply(
            "/meta/handshake",
            id: id,
            successful: true,
            [
                (settings.misspellsClientId ? "clientID" : "clientId", .string(clientId)), ("version", "1.0"),
                ("supportedConnectionTypes", ["long-polling"]), ("advice", advice(reconnect: "retry")),
            ]
        )
    }

    mutating func connect(_ object: JSONObject, user: String, at now: ContinuousClock.Instant) -> BayeuxReaction {
        let id = object["id"]
        guard let clientId = object["clientId"]?.stringValue, var session = sessions[clientId], session.user == user
        else {
            if settings.acceptsUnknownClients {
                return BayeuxReaction(replies: [connectReply(object["clientId"] ?? .null, id: id)])
            }
            return BayeuxReaction(replies: [unknownClient("/meta/connect", object)])
        }
        if settings.expiresSessionsOnce, session.delivered > 0, !expiredUsers.contains(user) {
            return expire(session, object)
        }
        var reaction = BayeuxReaction()
        if let previous = session.heldConnect {
            // A newer connect for the same session releases the one held before it.
            reaction.deliveries.append(
                BayeuxDelivery(
                    token: previous.token, messages: [connectReply(.string(clientId), id: previous.requestId)])
            )
            session.heldConnect = nil
        }
        session.lastSeen = now
        let isFirst = !session.hasConnected
        session.hasConnected = true
        if !session.queue.isEmpty || isClosing || (isFirst && !settings.holdsFirstConnect) {
            reaction.replies = [connectReply(.string(clientId), id: id)] + session.queue
            session.delivered += session.queue.count
            session.queue = []
        } else {
            lastToken += 1
            session.heldConnect = HeldConnect(token: lastToken, requestId: id)
            reaction.hold = lastToken
        }
        sessions[clientId] = session
        return reaction
    }

    mutating func subscription(_ object: JSONObject, channel: String, user: String) -> JSONValue {
        let id = object["id"]
        guard let clientId = object["clientId"]?.stringValue, var session = sessions[clientId], session.user == user
        else {
            return unknownClient(channel, object)
        }
        let echo: [(String, JSONValue)] = [
            ("clientId", .string(clientId)), ("subscription", object["subscription"] ?? .null),
        ]
        let requested: [String]
        switch object["subscription"] {
        case .string(let name):
            requested = [name]
        case .array(let names) where !names.isEmpty && names.allSatisfy({ $0.stringValue != nil }):
            requested = names.compactMap(\.stringValue)
        default:
            return reply(channel, id: id, successful: false, echo + [("error", "400::Missing subscription")])
        }
        if channel == "/meta/unsubscribe" {
            session.subscriptions.removeAll { requested.contains($0) }
        } else {
            guard requested.allSatisfy({ Self.notificationChannels.contains($0) }) else {
                return reply(channel, id: id, successful: false, echo + [("error", "403::Forbidden channel")])
            }
            session.subscriptions += requested.filter { !session.subscriptions.contains($0) }
            if let returning = kept.removeValue(forKey: user) { session.queue = returning + session.queue }
        }
        sessions[clientId] = session
        return reply(channel, id: id, successful: true, echo)
    }

    /// The `session-expiry` deployment: the session ends as if it had timed out, its undelivered messages are
    /// kept for the user's next session, and the connect is told to handshake again.
    mutating func expire(_ session: BayeuxClientSession, _ object: JSONObject) -> BayeuxReaction {
        expiredUsers.insert(session.user)
        kept[session.user, default: []] += session.queue
        sessions[session.clientId] = nil
        var reaction = BayeuxReaction(replies: [unknownClient("/meta/connect", object)])
        if let held = session.heldConnect {
            reaction.deliveries.append(
                BayeuxDelivery(
                    token: held.token, messages: [connectReply(.string(session.clientId), id: held.requestId)])
            )
        }
        return reaction
    }

    mutating func disconnect(_ object: JSONObject, user: String) -> BayeuxReaction {
        guard let clientId = object["clientId"]?.stringValue, let session = sessions[clientId], session.user == user
        else {
            return BayeuxReaction(replies: [unknownClient("/meta/disconnect", object)])
        }
        sessions[clientId] = nil
        var reaction = BayeuxReaction(
            replies: [reply("/meta/disconnect", id: object["id"], successful: true, [("clientId", .string(clientId))])]
        )
        if let held = session.heldConnect {
            reaction.deliveries.append(
                BayeuxDelivery(token: held.token, messages: [connectReply(.string(clientId), id: held.requestId)])
            )
        }
        return reaction
    }
}
