import AsyncHTTPClient
import ConformanceJSON
import Testing

@testable import Bayeux

@Suite(.timeLimit(.minutes(1))) struct BayeuxSessionTests {
    static func notification(_ id: String) -> BayeuxMessage {
        [
            "channel": "/v2/me/interactions",
            "data": ["messageTypeName": "InteractionStateMessage", "id": .string(id), "state": "Invited"],
        ]
    }

    static func endpoint(_ url: String) -> BayeuxEndpoint {
        BayeuxEndpoint(
            url: url,
            headers: [BayeuxEndpoint.basicAuthorization(username: "agent1", password: "pass1")],
            requestTimeout: .seconds(5),
            connectGrace: .seconds(5)
        )
    }

    @Test func deliversHeldConnectMessagesRehandshakesAndReturnsPromptly() async throws {
        try await FakeBayeuxServer.withRunning { server, url in
            let (session, bodyEnded) = try await BayeuxSession.withSession(
                endpoint: Self.endpoint(url),
                channels: ["/v2/me/interactions/"],
                httpClient: .shared
            ) { session in
                #expect(await session.clientId == "client-1")
                let deadline = ContinuousClock.now + .seconds(10)

                // The connect is held until a message is scripted: one before the connect reply, one after.
                await server.script(.deliver([Self.notification("ix-1"), Self.notification("ix-2")]))
                let first = await session.inbox.first(from: 0, excluding: [], deadline: deadline) {
                    $0.data["id"] == "ix-2"
                }
                #expect(first?.channel == "/v2/me/interactions")
                #expect(await session.inbox.all().map { $0.data["id"] } == ["ix-1", "ix-2"])

                // The server forgets the client: the session handshakes and subscribes again, then gets more.
                let cursor = await session.inbox.count
                await server.script(.unknownClient)
                await server.script(.deliver([Self.notification("ix-3")]))
                let second = await session.inbox.first(from: cursor, excluding: [], deadline: deadline) {
                    $0.data["id"] == "ix-3"
                }
                #expect(second?.index == 2)
                #expect(await session.clientId == "client-2")
                #expect(await session.inbox.problems() == ["re-handshake after 402::Unknown client"])
                // The next connect is held by the server now; returning must not wait for it.
                return (session, ContinuousClock.now)
            }
            // Waiting for the held connect would take its 30 s hold; returning takes milliseconds. 15 s tells the
            // two apart on however busy a machine.
            #expect(ContinuousClock.now - bodyEnded < .seconds(15))
            #expect(await server.handshakes == 2)
            #expect(await server.subscriptions == ["/v2/me/interactions/", "/v2/me/interactions/"])
            #expect(await server.disconnects == 1)
            #expect(await server.authorizations == ["Basic YWdlbnQxOnBhc3Mx"])
            #expect(await session.state == .disconnected(reason: .stopped))
        }
    }

    @Test func recordsBadConnectRepliesAndKeepsGoing() async throws {
        try await FakeBayeuxServer.withRunning { server, url in
            try await BayeuxSession.withSession(
                endpoint: Self.endpoint(url),
                channels: ["/v2/me/interactions"],
                httpClient: .shared
            ) { session in
                await server.script(.raw(status: 500, body: "database on fire"))
                await server.script(.raw(status: 200, body: "<html>hello</html>"))
                await server.script(.deliver([Self.notification("ix-1")]))
                let found = await session.inbox.first(from: 0, excluding: [], deadline: .now + .seconds(10)) { _ in true
                }
                #expect(found?.data["id"] == "ix-1")
                let problems = await session.inbox.problems()
                #expect(problems.count == 2)
                #expect(problems.first == "connect answered HTTP 500: database on fire")
                #expect(problems.last?.hasPrefix("connect reply is not JSON: invalid JSON at line 1, column 1") == true)
                #expect(await session.clientId == "client-1")
            }
        }
    }

    /// Advice `reconnect: none` ends the session: its inbox says why, and a wait on it ends at once.
    @Test func reconnectNoneEndsTheSessionAndItsWaits() async throws {
        try await FakeBayeuxServer.withRunning { server, url in
            try await BayeuxSession.withSession(
                endpoint: Self.endpoint(url),
                channels: ["/v2/me/interactions"],
                httpClient: .shared
            ) { session in
                let farAway = ContinuousClock.now + .seconds(300)
                async let waiting = session.inbox.first(from: 0, excluding: [], deadline: farAway) { _ in true }
                await server.script(
                    .raw(
                        status: 200,
                        body: #"[{"channel":"/meta/connect","successful":true,"advice":{"reconnect":"none"}}]"#))
                #expect(await waiting == nil)
                #expect(await session.inbox.ended == "the server advised reconnect none")
                #expect(await session.state == .disconnected(reason: .serverAdvisedNoReconnect))
            }
        }
    }

    @Test func aRefusedHandshakeThrowsWithTheServersReply() async throws {
        try await FakeBayeuxServer.withRunning { server, url in
            await server.setRefuseHandshake(true)
            await #expect {
                try await BayeuxSession.withSession(endpoint: Self.endpoint(url), channels: [], httpClient: .shared) {
                    _ in
                }
            } throws: { error in
                guard let error = error as? BayeuxError else { return false }
                return error.step == .handshake && error.url == url && error.problem.contains("403::Handshake denied")
            }
        }
    }

    @Test func anUnreachableServerThrowsAtTheHandshake() async throws {
        await #expect {
            try await BayeuxSession.withSession(
                endpoint: BayeuxEndpoint(url: "http://127.0.0.1:1/api/v2/notifications", requestTimeout: .seconds(1)),
                channels: ["/v2/me/interactions"],
                httpClient: .shared
            ) { _ in }
        } throws: { error in
            guard let error = error as? BayeuxError else { return false }
            return error.step == .handshake && "\(error)".hasPrefix("Bayeux handshake at http://127.0.0.1:1/")
        }
    }
}
