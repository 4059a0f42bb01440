import ConformanceJSON
import Testing

@testable import Bayeux

@Suite struct BayeuxClientStateMachineTests {
    typealias Action = BayeuxClientStateMachine.Action

    static let channel = "/v2/me/interactions/"

    static func handshakeReply(id: String, clientId: String) -> BayeuxMessage {
        [
            "channel": "/meta/handshake", "successful": true, "clientId": .string(clientId), "id": .string(id),
            "version": "1.0", "advice": ["reconnect": "retry", "interval": 0, "timeout": 20_000],
        ]
    }

    static func subscribeReply(id: String?, subscription: String = channel) -> BayeuxMessage {
        var reply: BayeuxMessage = [
            "channel": "/meta/subscribe", "successful": true, "subscription": .string(subscription),
        ]
        reply.id = id
        return reply
    }

    static func connectReply(id: String, successful: Bool = true, advice: JSONValue? = nil) -> BayeuxMessage {
        var reply: BayeuxMessage = ["channel": "/meta/connect", "successful": .bool(successful), "id": .string(id)]
        reply.json["advice"] = advice
        return reply
    }

    static func notification(_ id: String, channel: String = "/v2/me/interactions") -> BayeuxMessage {
        ["channel": .string(channel), "data": ["messageTypeName": "InteractionStateMessage", "id": .string(id)]]
    }

    /// A machine that has handshaken as `c1`, subscribed, and sent connect id "3".
    static func connectedMachine(retry: BayeuxRetryPolicy = BayeuxRetryPolicy()) -> BayeuxClientStateMachine {
        var machine = BayeuxClientStateMachine(channels: [channel], retry: retry)
        _ = machine.start()
        _ = machine.receive([handshakeReply(id: "1", clientId: "c1")])
        _ = machine.receive([subscribeReply(id: "2")])
        return machine
    }

    @Test func handshakesSubscribesAndConnects() {
        var machine = BayeuxClientStateMachine(channels: [Self.channel])
        #expect(machine.state == .unconnected)
        #expect(machine.start() == [.sendHandshake(.handshake(id: "1"), after: .zero)])
        #expect(machine.state == .handshaking)

        let subscribe = machine.receive([Self.handshakeReply(id: "1", clientId: "c1")])
        #expect(subscribe == [.sendSubscribe([.subscribe(clientId: "c1", channel: Self.channel, id: "2")])])
        #expect(machine.state == .subscribing(clientId: "c1"))
        #expect(machine.clientId == "c1")

        // The server may drop the trailing slash and the id: the subscription still correlates.
        let connect = machine.receive([Self.subscribeReply(id: nil, subscription: "/v2/me/interactions")])
        #expect(connect == [.sendConnect(.connect(clientId: "c1", id: "3"), after: .zero, hold: .seconds(20))])
        let advice = BayeuxAdvice(reconnect: .retry, interval: .zero, timeout: .seconds(20))
        #expect(machine.state == .connected(clientId: "c1", advice: advice))
        #expect(machine.isEstablished)
    }

    @Test func deliversMessagesBeforeAndAfterTheConnectReplyAndHonoursTheInterval() {
        var machine = Self.connectedMachine()
        let actions = machine.receive([
            Self.notification("a"),
            Self.connectReply(id: "3", advice: ["interval": 250]),
            Self.notification("b", channel: "/v2/me/interactions/"),
        ])
        #expect(
            actions == [
                .deliver([Self.notification("a"), Self.notification("b", channel: "/v2/me/interactions/")]),
                .sendConnect(.connect(clientId: "c1", id: "4"), after: .milliseconds(250), hold: .seconds(20)),
            ]
        )
    }

    @Test func notesMessagesOnUnsubscribedChannelsWithoutDeliveringThem() {
        var machine = Self.connectedMachine()
        let actions = machine.receive([Self.connectReply(id: "3"), Self.notification("x", channel: "/v2/other")])
        #expect(actions.count == 2)
        guard case .recordProblem(let problem) = actions.first else {
            Issue.record("expected a problem, got \(actions)")
            return
        }
        #expect(problem.hasPrefix("connect reply carries a message on unsubscribed channel /v2/other"))
        #expect(!actions.contains { if case .deliver = $0 { true } else { false } })
    }

    @Test func rehandshakesAndResubscribesAfterUnknownClient() {
        var machine = Self.connectedMachine()
        var reply = Self.connectReply(id: "3", successful: false, advice: ["reconnect": "handshake", "interval": 0])
        reply.error = "402::Unknown client"
        #expect(
            machine.receive([reply]) == [
                .recordProblem("re-handshake after 402::Unknown client"),
                .sendHandshake(.handshake(id: "4"), after: .zero),
            ]
        )
        #expect(machine.state == .handshaking)
        #expect(machine.clientId == nil)
        #expect(
            machine.receive([Self.handshakeReply(id: "4", clientId: "c2")]) == [
                .sendSubscribe([.subscribe(clientId: "c2", channel: Self.channel, id: "5")])
            ]
        )
        #expect(
            machine.receive([Self.subscribeReply(id: "5")]) == [
                .sendConnect(.connect(clientId: "c2", id: "6"), after: .zero, hold: .seconds(20))
            ]
        )
        #expect(machine.consecutiveFailures == 1)
        // A successful connect clears the failure count; the old "handshake" advice does not linger.
        #expect(
            machine.receive([Self.connectReply(id: "6")]) == [
                .sendConnect(.connect(clientId: "c2", id: "7"), after: .zero, hold: .seconds(20))
            ]
        )
        #expect(machine.consecutiveFailures == 0)
    }

    @Test func rehandshakesOn402WithoutAdvice() {
        var machine = Self.connectedMachine()
        var reply = Self.connectReply(id: "3", successful: false)
        reply.error = "402::Unknown client"
        let actions = machine.receive([reply])
        #expect(actions.last == .sendHandshake(.handshake(id: "4"), after: .zero))
    }

    @Test func stopsWhenTheServerAdvisesNone() {
        var machine = Self.connectedMachine()
        let actions = machine.receive([Self.connectReply(id: "3", advice: ["reconnect": "none"])])
        #expect(actions.last == .finish(.serverAdvisedNoReconnect))
        #expect(machine.state == .disconnected(reason: .serverAdvisedNoReconnect))
        #expect(machine.receive([Self.connectReply(id: "4")]) == [])
        #expect(machine.stop() == [])
    }

    @Test func retriesTransportFailuresWithBackoffThenGivesUp() {
        var machine = Self.connectedMachine()
        var pauses: [Duration] = []
        for _ in 1...4 {
            let actions = machine.fail("connect answered HTTP 500")
            #expect(actions.first == .recordProblem("connect answered HTTP 500"))
            guard case .sendConnect(let message, let pause, _) = actions.last else {
                Issue.record("expected a connect, got \(actions)")
                return
            }
            #expect(message.clientId == "c1")
            pauses.append(pause)
        }
        #expect(pauses == [100, 200, 400, 800].map(Duration.milliseconds))
        let last = machine.fail("connect got no reply within 40 seconds")
        #expect(
            last == [
                .recordProblem("connect got no reply within 40 seconds"),
                .recordProblem("gave up after 5 consecutive failures"),
                .finish(.gaveUp(failures: 5, lastProblem: "connect got no reply within 40 seconds")),
            ]
        )
        #expect(machine.isFinished)
    }

    @Test func aSuccessfulConnectResetsTheFailureCount() {
        var machine = Self.connectedMachine()
        _ = machine.fail("connect answered HTTP 500")
        _ = machine.fail("connect answered HTTP 500")
        #expect(machine.consecutiveFailures == 2)
        _ = machine.receive([Self.connectReply(id: "5")])
        #expect(machine.consecutiveFailures == 0)
    }

    @Test func aFailedRehandshakeIsRetriedWithBackoff() {
        var machine = Self.connectedMachine()
        _ = machine.receive([Self.connectReply(id: "3", successful: false, advice: ["reconnect": "handshake"])])
        let actions = machine.fail("handshake answered HTTP 503")
        #expect(
            actions == [
                .recordProblem("handshake answered HTTP 503"),
                .sendHandshake(.handshake(id: "5"), after: .milliseconds(200)),
            ])
    }

    @Test func aRefusedHandshakeEndsTheOpening() {
        var machine = BayeuxClientStateMachine(channels: [Self.channel])
        _ = machine.start()
        let reply: BayeuxMessage = [
            "channel": "/meta/handshake", "successful": false, "error": "403::Denied", "id": "1",
        ]
        let actions = machine.receive([reply])
        let problem = "handshake refused: \(reply)"
        #expect(actions == [.recordProblem(problem), .finish(.openingFailed(step: .handshake, problem: problem))])
        #expect(!machine.isEstablished)
    }

    @Test func oneRefusedSpellingOfTwoStillOpensTheSessionEvenWithoutReplyIds() {
        let spellings = ["/v2/me/interactions", "/v2/me/interactions/"]
        var machine = BayeuxClientStateMachine(channels: spellings)
        _ = machine.start()
        _ = machine.receive([Self.handshakeReply(id: "1", clientId: "c1")])
        // No ids: each reply answers the request with the same spelling, and only that one.
        var refused = Self.subscribeReply(id: nil, subscription: spellings[0])
        refused.successful = false
        refused.error = "400::Bad channel"
        let actions = machine.receive([refused, Self.subscribeReply(id: nil, subscription: spellings[1])])
        #expect(actions.contains(.sendConnect(.connect(clientId: "c1", id: "4"), after: .zero, hold: .seconds(20))))
        #expect(
            actions.contains {
                if case .recordProblem(let text) = $0 { text.contains("400::Bad channel") } else { false }
            })
        #expect(machine.isEstablished)
    }

    @Test func bothSpellingsRefusedEndTheOpening() {
        let spellings = ["/v2/me/interactions", "/v2/me/interactions/"]
        var machine = BayeuxClientStateMachine(channels: spellings)
        _ = machine.start()
        _ = machine.receive([Self.handshakeReply(id: "1", clientId: "c1")])
        let replies = spellings.map { spelling -> BayeuxMessage in
            var reply = Self.subscribeReply(id: nil, subscription: spelling)
            reply.successful = false
            return reply
        }
        let actions = machine.receive(replies)
        guard case .finish(.openingFailed(.subscribe, _)) = actions.last else {
            Issue.record("expected the opening to fail, got \(actions)")
            return
        }
        #expect(!machine.isEstablished)
    }

    @Test func aRefusedSubscribeEndsTheOpening() {
        var machine = BayeuxClientStateMachine(channels: [Self.channel])
        _ = machine.start()
        _ = machine.receive([Self.handshakeReply(id: "1", clientId: "c1")])
        var reply = Self.subscribeReply(id: "2")
        reply.successful = false
        reply.error = "403::Forbidden"
        let actions = machine.receive([reply])
        guard case .finish(.openingFailed(.subscribe, let problem)) = actions.last else {
            Issue.record("expected the opening to fail, got \(actions)")
            return
        }
        #expect(problem.contains("subscribe to /v2/me/interactions/ refused"))
        #expect(problem.contains("403::Forbidden"))
    }

    @Test func aTransportFailureWhileOpeningEndsTheOpening() {
        var machine = BayeuxClientStateMachine(channels: [Self.channel])
        _ = machine.start()
        #expect(
            machine.fail("handshake request failed: connection refused") == [
                .recordProblem("handshake request failed: connection refused"),
                .finish(.openingFailed(step: .handshake, problem: "handshake request failed: connection refused")),
            ]
        )
    }

    @Test func aConnectReplyWithoutTheMetaReplyIsAFailure() {
        var machine = Self.connectedMachine()
        let actions = machine.receive([Self.notification("a"), Self.connectReply(id: "99")])
        #expect(actions.first == .deliver([Self.notification("a")]))
        #expect(
            actions.contains {
                if case .recordProblem(let text) = $0 {
                    text.hasPrefix("connect reply has no /meta/connect message")
                } else {
                    false
                }
            })
        #expect(
            actions.last
                == .sendConnect(.connect(clientId: "c1", id: "4"), after: .milliseconds(100), hold: .seconds(20)))
    }

    @Test func stopDisconnectsWhenThereIsAClient() {
        var machine = Self.connectedMachine()
        #expect(machine.stop() == [.sendDisconnect(.disconnect(clientId: "c1", id: "4")), .finish(.stopped)])
        #expect(machine.state == .disconnected(reason: .stopped))
        #expect(machine.receive([Self.connectReply(id: "3")]) == [])
    }

    @Test func stopBeforeAnyHandshakeOnlyFinishes() {
        var machine = BayeuxClientStateMachine(channels: [Self.channel])
        _ = machine.start()
        #expect(machine.stop() == [.finish(.stopped)])
    }

    @Test func withoutChannelsTheHandshakeLeadsStraightToConnect() {
        var machine = BayeuxClientStateMachine(channels: [], defaultConnectHold: .seconds(45))
        _ = machine.start()
        let reply: BayeuxMessage = ["channel": "/meta/handshake", "successful": true, "clientId": "c1", "id": "1"]
        #expect(
            machine.receive([reply]) == [
                .sendConnect(.connect(clientId: "c1", id: "2"), after: .zero, hold: .seconds(45))
            ])
    }
}
