import ConformanceJSON
import Testing

@testable import Bayeux

@Suite struct BayeuxMessageTests {
    @Test func parsesAnArrayOfMessagesInOrder() throws {
        let body =
            #"[{"channel":"/meta/connect","successful":true,"id":"3"},"#
            + #"{"channel":"/v2/me/interactions","data":{"id":"ix"}}]"#
        let batch = try BayeuxMessage.parseBatch(Array(body.utf8))
        #expect(batch.count == 2)
        #expect(batch[0].channel == "/meta/connect")
        #expect(batch[0].successful == true)
        #expect(batch[0].id == "3")
        #expect(batch[1].data == ["id": "ix"])
        #expect(batch[1].isMeta == false)
    }

    @Test func parsesASingleObjectAsABatchOfOne() throws {
        let batch = try BayeuxMessage.parseBatch(Array(#"{"channel":"/meta/handshake","clientId":"c1"}"#.utf8))
        #expect(batch.map(\.clientId) == ["c1"])
    }

    @Test func refusesTextThatIsNotJSON() {
        #expect {
            try BayeuxMessage.parseBatch(Array("<html>Bad gateway</html>".utf8))
        } throws: { error in
            "\(error)".hasPrefix("reply is not JSON: invalid JSON at line 1, column 1")
                && "\(error)".contains("<html>Bad gateway</html>")
        }
    }

    @Test(arguments: [
        (#""hello""#, "expected a JSON array of messages or one message object, found \"hello\""),
        (#"[{"channel":"/a"}, 3]"#, "element 1 is not a message object: 3"),
    ])
    func refusesJSONThatIsNotABatch(body: String, expected: String) {
        #expect {
            try BayeuxMessage.parseBatch(Array(body.utf8))
        } throws: { error in
            "\(error)".hasSuffix(expected)
        }
    }

    @Test func readsANumericIdAsText() {
        let message: BayeuxMessage = ["channel": "/meta/connect", "id": 7]
        #expect(message.id == "7")
    }

    @Test func readsTheErrorCodeAndAdvice() {
        let message: BayeuxMessage = [
            "channel": "/meta/connect",
            "successful": false,
            "error": "402::Unknown client",
            "advice": ["reconnect": "handshake", "interval": 500, "timeout": 30_000, "extra": true],
        ]
        #expect(message.errorCode == 402)
        #expect(
            message.advice == BayeuxAdvice(reconnect: .handshake, interval: .milliseconds(500), timeout: .seconds(30)))
        #expect(
            message.advice.map { JSONValue.object($0.json) } == [
                "reconnect": "handshake", "interval": 500, "timeout": 30_000,
            ])
    }

    @Test func ignoresAdviceOfTheWrongType() {
        let json: JSONValue = ["reconnect": "sometimes", "interval": "soon", "timeout": -1]
        let advice = BayeuxAdvice(json: json.objectValue ?? JSONObject())
        #expect(advice == BayeuxAdvice())
    }

    @Test func buildsTheRequests() {
        #expect(
            BayeuxMessage.handshake(id: "1") == [
                "channel": "/meta/handshake", "version": "1.0", "minimumVersion": "1.0",
                "supportedConnectionTypes": ["long-polling"], "id": "1",
            ]
        )
        #expect(
            BayeuxMessage.connect(clientId: "c", id: "2") == [
                "channel": "/meta/connect", "clientId": "c", "connectionType": "long-polling", "id": "2",
            ]
        )
        #expect(
            BayeuxMessage.subscribe(clientId: "c", channel: "/v2/me/interactions", id: "3") == [
                "channel": "/meta/subscribe", "clientId": "c", "subscription": "/v2/me/interactions", "id": "3",
            ]
        )
        #expect(
            BayeuxMessage.disconnect(clientId: "c", id: "4") == [
                "channel": "/meta/disconnect", "clientId": "c", "id": "4",
            ]
        )
        #expect(
            BayeuxMessage.encodeBatch([.disconnect(clientId: "c", id: "4")])
                == #"[{"channel":"/meta/disconnect","clientId":"c","id":"4"}]"#
        )
    }

    @Test func treatsATrailingSlashAsTheSameChannel() {
        #expect(BayeuxChannel("/v2/me/interactions/") == BayeuxChannel("/v2/me/interactions"))
        #expect(BayeuxChannel("/v2/me/interactions/").matches(BayeuxChannel("/v2/me/interactions")))
        #expect(!BayeuxChannel("/v2/me/interactions").matches(BayeuxChannel("/v2/me/interactions/x")))
        #expect(BayeuxChannel("/v2/me/*").matches(BayeuxChannel("/v2/me/interactions")))
        #expect(!BayeuxChannel("/v2/me/*").matches(BayeuxChannel("/v2/me/interactions/x")))
        #expect(BayeuxChannel("/v2/**").matches(BayeuxChannel("/v2/me/interactions/x")))
        #expect(BayeuxChannel("/meta/connect").isMeta)
    }

    @Test func backsOffByDoublingUpToTheMaximum() {
        let policy = BayeuxRetryPolicy()
        #expect(
            (1...7).map(policy.backoff(afterFailures:))
                == [100, 200, 400, 800, 1600, 2000, 2000].map(Duration.milliseconds))
    }
}
