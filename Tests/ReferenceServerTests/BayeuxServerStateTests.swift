import Testing

@testable import ReferenceServer

@Suite struct BayeuxServerStateTests {
    let start = ContinuousClock.now

    static func makeState() -> BayeuxServerState {
        BayeuxServerState(settings: .init(longPollTimeout: .seconds(20), sessionTimeout: .seconds(60)))
    }

    /// Handshakes `user`, subscribes it to `channel` and sends the first `/meta/connect` (answered at once); returns
    /// the client id.
    func session(
        _ user: String,
        channel: String = "/v2/me/interactions",
        in state: inout BayeuxServerState
    ) throws -> String {
        let handshake = state.receive(["channel": "/meta/handshake", "id": "1"], from: user, at: start)
        let reply = try #require(handshake.replies.first)
        let clientId = try #require(reply["clientId"]?.stringValue)
        let subscribe = state.receive(
            ["channel": "/meta/subscribe", "clientId": .string(clientId), "subscription": .string(channel)],
            from: user,
            at: start
        )
        #expect(subscribe.replies.first?["successful"] == true)
        let first = state.receive(connect(clientId), from: user, at: start)
        #expect(first.hold == nil)
        #expect(first.replies.count == 1)
        return clientId
    }

    func connect(_ clientId: String, id: JSONValue = "c") -> JSONValue {
        ["channel": "/meta/connect", "clientId": .string(clientId), "connectionType": "long-polling", "id": id]
    }

    @Test func handshakeGivesClientIdBoundToTheUser() throws {
        var state = Self.makeState()
        let reaction = state.receive(["channel": "/meta/handshake", "id": "7"], from: "agent-1", at: start)
        let reply = try #require(reaction.replies.first)
        #expect(reply["successful"] == true)
        #expect(reply["id"] == "7")
        #expect(reply["version"] == "1.0")
        #expect(reply["supportedConnectionTypes"] == ["long-polling"])
        #expect(reply["advice"]?["timeout"] == 20000)
        #expect(reply["advice"]?["reconnect"] == "retry")
        let clientId = try #require(reply["clientId"]?.stringValue)
        #expect(state.sessions[clientId]?.user == "agent-1")
    }

    @Test func connectWithUnknownClientIdIs402() throws {
        var state = Self.makeState()
        let held = state.receive(connect("nobody"), from: "agent-1", at: start)
        let reply = try #require(held.replies.first)
        #expect(reply["successful"] == false)
        #expect(reply["error"] == "402::Unknown client")
        #expect(reply["advice"]?["reconnect"] == "handshake")
        #expect(reply["id"] == "c")
    }

    @Test func connectWithAnotherUsersClientIdIs402() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let reaction = state.receive(connect(clientId), from: "agent-2", at: start)
        #expect(reaction.hold == nil)
        #expect(reaction.replies.first?["error"] == "402::Unknown client")
    }

    @Test(arguments: ["/v2/me/interactions", "/v2/me/interactions/"])
    func subscribeAcceptsBothSpellings(channel: String) throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", channel: channel, in: &state)
        #expect(state.sessions[clientId]?.subscriptions == [channel])
    }

    @Test func subscribeToAnotherChannelIsForbidden() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let reply = try #require(
            state.receive(
                ["channel": "/meta/subscribe", "clientId": .string(clientId), "subscription": "/v2/other"],
                from: "agent-1",
                at: start
            ).replies.first
        )
        #expect(reply["successful"] == false)
        #expect(reply["error"] == "403::Forbidden channel")
        #expect(reply["subscription"] == "/v2/other")
    }

    @Test func queuedMessagesAreDeliveredInOrderByTheNextConnect() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let deliveries = state.publish(
            [
                AgentNotification(agentId: "agent-1", data: ["n": 1]),
                AgentNotification(agentId: "agent-1", data: ["n": 2]),
            ],
            at: start
        )
        #expect(deliveries.isEmpty)
        let reaction = state.receive(connect(clientId), from: "agent-1", at: start)
        #expect(reaction.hold == nil)
        #expect(reaction.replies.count == 3)
        #expect(reaction.replies[0]["channel"] == "/meta/connect")
        #expect(reaction.replies[0]["successful"] == true)
        #expect(reaction.replies[1]["data"] == ["n": 1])
        #expect(reaction.replies[2]["data"] == ["n": 2])
        #expect(reaction.replies[2]["channel"] == "/v2/me/interactions")
    }

    @Test func heldConnectIsCompletedByAPublish() throws {
        var state = BayeuxServerState(settings: .init(publishChannel: "/v2/me/interactions/"))
        let clientId = try session("agent-1", channel: "/v2/me/interactions/", in: &state)
        let held = state.receive(connect(clientId, id: "9"), from: "agent-1", at: start)
        let hold = try #require(held.hold)
        let deliveries = state.publish([AgentNotification(agentId: "agent-1", data: ["n": 1])], at: start)
        #expect(deliveries.count == 1)
        #expect(deliveries.first?.token == hold)
        #expect(deliveries.first?.messages.first?["id"] == "9")
        #expect(deliveries.first?.messages.last?["data"] == ["n": 1])
        // Delivered on the publish channel, which the session subscribed to.
        #expect(deliveries.first?.messages.last?["channel"] == "/v2/me/interactions/")
        let late = state.endHold(hold, at: start)
        #expect(late == nil)
    }

    @Test func messagesGoOnlyToTheirUsersSessions() throws {
        var state = Self.makeState()
        let one = try session("agent-1", in: &state)
        let two = try session("agent-2", in: &state)
        _ = state.publish([AgentNotification(agentId: "agent-2", data: ["n": 2])], at: start)
        #expect(state.sessions[one]?.queue.isEmpty == true)
        #expect(state.sessions[two]?.queue.count == 1)
    }

    @Test func messagesForUnsubscribedSessionsAreDropped() throws {
        var state = Self.makeState()
        let reply = state.receive(["channel": "/meta/handshake"], from: "agent-1", at: start).replies[0]
        let clientId = try #require(reply["clientId"]?.stringValue)
        _ = state.publish([AgentNotification(agentId: "agent-1", data: ["n": 1])], at: start)
        #expect(state.sessions[clientId]?.queue.isEmpty == true)
    }

    @Test func aSecondConnectReleasesTheFirst() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let held = state.receive(connect(clientId, id: "1"), from: "agent-1", at: start)
        let first = try #require(held.hold)
        let second = state.receive(connect(clientId, id: "2"), from: "agent-1", at: start)
        #expect(second.hold != nil)
        #expect(second.hold != first)
        #expect(second.deliveries.map(\.token) == [first])
        #expect(second.deliveries.first?.messages.count == 1)
        #expect(second.deliveries.first?.messages.first?["id"] == "1")
    }

    @Test func timeoutEndsTheHoldWithAnEmptyConnectReply() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let held = state.receive(connect(clientId), from: "agent-1", at: start)
        let hold = try #require(held.hold)
        let ended = state.endHold(hold, at: start + .seconds(20))
        let delivery = try #require(ended)
        #expect(delivery.messages.count == 1)
        #expect(delivery.messages[0]["successful"] == true)
        #expect(state.isHolding(clientId) == false)
    }

    @Test func disconnectRemovesTheSessionAndReleasesItsHold() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let held = state.receive(connect(clientId), from: "agent-1", at: start)
        let hold = try #require(held.hold)
        let reaction = state.receive(
            ["channel": "/meta/disconnect", "clientId": .string(clientId)],
            from: "agent-1",
            at: start
        )
        #expect(reaction.replies.first?["successful"] == true)
        #expect(reaction.deliveries.map(\.token) == [hold])
        #expect(state.sessions[clientId] == nil)
    }

    @Test func idleSessionsExpire() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let later = start + .seconds(61)
        let held = state.receive(connect(clientId), from: "agent-1", at: later)
        let reply = try #require(held.replies.first)
        #expect(reply["error"] == "402::Unknown client")
        #expect(state.sessions[clientId] == nil)
    }

    @Test func connectedSessionsDoNotExpire() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let held = state.receive(connect(clientId), from: "agent-1", at: start + .seconds(50))
        let hold = try #require(held.hold)
        // Held for longer than the session timeout: still there.
        _ = state.publish([], at: start + .seconds(200))
        #expect(state.isHolding(clientId))
        let ended = state.endHold(hold, at: start + .seconds(200))
        _ = try #require(ended)
        let reaction = state.receive(connect(clientId), from: "agent-1", at: start + .seconds(250))
        #expect(reaction.hold != nil)
    }

    @Test func closingReleasesHoldsAndAnswersLaterConnectsAtOnce() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        let held = state.receive(connect(clientId), from: "agent-1", at: start)
        let hold = try #require(held.hold)
        let released = state.close(at: start)
        #expect(released.map(\.token) == [hold])
        #expect(released.first?.messages.first?["advice"]?["reconnect"] == "none")
        let reaction = state.receive(connect(clientId), from: "agent-1", at: start)
        #expect(reaction.hold == nil)
        #expect(reaction.replies.first?["successful"] == true)
    }

    @Test func droppingPendingMessagesKeepsSessions() throws {
        var state = Self.makeState()
        let clientId = try session("agent-1", in: &state)
        _ = state.publish([AgentNotification(agentId: "agent-1", data: ["n": 1])], at: start)
        state.dropPendingMessages()
        #expect(state.sessions[clientId]?.queue.isEmpty == true)
        #expect(state.sessions[clientId]?.subscriptions == ["/v2/me/interactions"])
    }

    @Test func unknownMetaChannelAndPublishAreRefused() throws {
        var state = Self.makeState()
        let meta = state.receive(["channel": "/meta/nothing"], from: "agent-1", at: start).replies[0]
        #expect(meta["error"] == "400::Unknown channel")
        let publish = state.receive(["channel": "/v2/me/interactions", "data": [:]], from: "agent-1", at: start)
        #expect(publish.replies[0]["error"] == "403::Publish denied")
        let invalid = state.receive("text", from: "agent-1", at: start)
        #expect(invalid.replies[0]["successful"] == false)
    }

    @Test func broadcastDeviationSendsToEveryone() throws {
        var state = BayeuxServerState(settings: .init(broadcasts: true))
        let reply = state.receive(["channel": "/meta/handshake"], from: "agent-2", at: start).replies[0]
        let clientId = try #require(reply["clientId"]?.stringValue)
        _ = state.receive(
            ["channel": "/meta/subscribe", "clientId": .string(clientId), "subscription": "/v2/me/interactions"],
            from: "agent-2",
            at: start
        )
        _ = state.publish([AgentNotification(agentId: "agent-1", data: ["n": 1])], at: start)
        #expect(state.sessions[clientId]?.queue.count == 1)
    }
}

@Suite struct BayeuxSessionExpiryTests {
    let start = ContinuousClock.now

    @Test func aSessionExpiresOnceAfterADeliveryAndItsMessagesWaitForTheNextOne() throws {
        var state = BayeuxServerState(settings: .init(expiresSessionsOnce: true))
        let helper = BayeuxServerStateTests()
        let first = try helper.session("agent-1", in: &state)
        let message = AgentNotification(agentId: "agent-1", data: ["id": "ix-1", "state": "Invited"])
        _ = state.publish([message], at: start)
        // The next connect carries the message; the one after it finds the session gone.
        let carried = state.receive(helper.connect(first), from: "agent-1", at: start)
        #expect(carried.replies.count == 2)
        _ = state.publish(
            [AgentNotification(agentId: "agent-1", data: ["id": "ix-1", "state": "Processing"])], at: start)
        let expired = state.receive(helper.connect(first), from: "agent-1", at: start)
        #expect(expired.replies.first?["error"] == "402::Unknown client")
        #expect(expired.replies.first?["advice"]?["reconnect"] == "handshake")
        // Published while the agent has no session: kept, and delivered to the next session once it subscribes.
        _ = state.publish(
            [AgentNotification(agentId: "agent-1", data: ["id": "ix-1", "state": "Completed"])], at: start)
        let handshake = state.receive(["channel": "/meta/handshake", "id": "9"], from: "agent-1", at: start)
        let second = try #require(handshake.replies.first?["clientId"]?.stringValue)
        #expect(second != first)
        let subscribe: JSONValue = [
            "channel": "/meta/subscribe", "clientId": .string(second), "subscription": "/v2/me/interactions",
        ]
        _ = state.receive(subscribe, from: "agent-1", at: start)
        #expect(state.expiredUsers == ["agent-1"])
        // The first connect of the new session carries both, in order; the session never expires again.
        let resumed = state.receive(helper.connect(second), from: "agent-1", at: start)
        #expect(resumed.replies.compactMap { $0["data"]?["state"]?.stringValue } == ["Processing", "Completed"])
        _ = state.publish([message], at: start)
        let later = state.receive(helper.connect(second), from: "agent-1", at: start)
        #expect(later.replies.count == 2)
        #expect(later.replies.first?["successful"] == true)
    }
}
