import Testing

@testable import ReferenceServer

/// Held `/meta/connect` requests on a live server: delivery, routing and shutdown.
@Suite struct LongPollTests {
    @Test func aHeldConnectReceivesAMessagePushedLater() async throws {
        try await Harness.with(longPollTimeout: .seconds(30)) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let messages = try await listener.connect()
                    #expect(messages.map { $0["state"] } == ["Invited"])
                }
                let holding = await harness.server.core.waitUntilHolding(listener.clientId, timeout: .seconds(30))
                #expect(holding)
                _ = try await harness.create()
                try await group.waitForAll()
            }
            // Woken by the message, not released by the 30 s long-poll timeout.
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test func messagesReachOnlyTheirAgent() async throws {
        try await Harness.with { harness in
            let one = try await NotificationListener.open(harness.agent1)
            let two = try await NotificationListener.open(harness.agent2)
            let id = try await harness.create(for: "agent-1")
            let marker = try await harness.create(for: "agent-2")
            let received = try await one.connect()
            let nothing = try await two.messages(beforeInteraction: marker)
            #expect(received.map { $0["state"] } == ["Invited"])
            #expect(received.map { $0["id"] } == [.string(id)])
            #expect(nothing.isEmpty)
        }
    }

    @Test func anotherUsersClientIdIs402() async throws {
        try await Harness.with { harness in
            let one = try await NotificationListener.open(harness.agent1)
            let replies = try await harness.agent2.bayeux(
                ["channel": "/meta/connect", "clientId": .string(one.clientId), "connectionType": "long-polling"]
            )
            #expect(replies.first?["successful"] == false)
            #expect(replies.first?["error"] == "402::Unknown client")
            #expect(replies.first?["advice"]?["reconnect"] == "handshake")
        }
    }

    @Test func resetDropsPendingMessagesButKeepsSessions() async throws {
        try await Harness.with { harness in
            let one = try await NotificationListener.open(harness.agent1)
            _ = try await harness.create()
            _ = try await harness.anonymous.post("/fixtures/reset", "")
            let kept = try await harness.create()
            // The session survived the reset if the second Invited arrives; the first was dropped if nothing
            // came before it.
            let dropped = try await one.messages(beforeInteraction: kept)
            #expect(dropped.isEmpty)
        }
    }

    @Test func shutdownReleasesAHeldConnectPromptly() async throws {
        var settings = ReferenceServerConfiguration.generated()
        settings.longPollTimeout = .seconds(60)
        let configuration = settings
        let (servers, serverContinuation) = AsyncStream.makeStream(of: RunningReferenceServer.self)
        let (stop, stopContinuation) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await ReferenceServer.withRunning(configuration) { server in
                    serverContinuation.yield(server)
                    for await _ in stop {}
                }
                serverContinuation.finish()
            }
            var iterator = servers.makeAsyncIterator()
            let server = try #require(await iterator.next())
            let listener = try await NotificationListener.open(Harness(server: server).agent1)
            let started = ContinuousClock.now
            group.addTask {
                let replies = try await listener.user.bayeux(
                    [
                        "channel": "/meta/connect", "clientId": .string(listener.clientId),
                        "connectionType": "long-polling",
                    ]
                )
                #expect(replies.first?["successful"] == true)
                #expect(replies.first?["advice"]?["reconnect"] == "none")
            }
            #expect(await server.core.waitUntilHolding(listener.clientId, timeout: .seconds(30)))
            stopContinuation.finish()
            try await group.waitForAll()
            // Released by the shutdown, not by the 60 s long-poll timeout.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }
}
