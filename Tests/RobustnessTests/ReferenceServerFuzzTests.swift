import AsyncHTTPClient
import ConformanceJSON
import Foundation
import PropertyBased
import ReferenceServer
import Testing

/// The reference server under generated operation bodies and Bayeux batches: never a 5xx, never a dropped
/// connection, and still serving afterwards. A failure prints the request and the seed; `.fixedSeed("<seed>")`
/// on the test replays it.
///
/// An answer takes milliseconds; the limit is 30 s so that only a server that stopped answering fails, however
/// busy the machine is.
@Suite(.timeLimit(.minutes(5))) struct ReferenceServerFuzzTests {
    static let requestLimit: Duration = .seconds(30)

    @Test func generatedOperationsNeverBreakTheServer() async throws {
        let statuses = try await fuzz(count: 200) { generator, rng in generator.operation(using: &rng) }
        Self.expectEveryRequestAnsweredWithoutA5xx(statuses, count: 200)
    }

    @Test func generatedBayeuxBatchesNeverBreakTheServer() async throws {
        let statuses = try await fuzz(count: 100) { generator, rng in generator.bayeuxBatch(using: &rng) }
        Self.expectEveryRequestAnsweredWithoutA5xx(statuses, count: 100)
    }

    /// `statuses` counts the answers by HTTP status, 0 for a request that got none (a dropped connection or no
    /// answer within the limit).
    static func expectEveryRequestAnsweredWithoutA5xx(_ statuses: [UInt: Int], count: Int) {
        #expect(statuses[0] == nil, "\(statuses[0] ?? 0) requests got no answer")
        #expect(statuses.filter { $0.key >= 500 }.isEmpty, "answers by status: \(statuses)")
        #expect(statuses.filter { $0.key >= 100 && $0.key < 500 }.values.reduce(0, +) == count)
    }

    /// Starts a server, creates interactions for the agents, sends `count` generated requests, and checks that
    /// the server still lists the first agent's interactions and still opens a Bayeux session.
    func fuzz(
        count: Int,
        _ make: @escaping @Sendable (RandomRequest, inout any SeededRandomNumberGenerator) -> FuzzRequest
    ) async throws -> [UInt: Int] {
        try await withHTTPClient { httpClient in
            try await ReferenceServer.withRunning(.generated()) { server in
                let agents = server.configuration.agents
                var ids: [String] = []
                for agent in [agents[0], agents[0], agents[0], agents[1], agents[2]] {
                    ids.append(try await createInteraction(for: agent.id, on: server, with: httpClient))
                }
                let generator = RandomRequest(configuration: server.configuration, interactionIds: ids)
                let requests = Generator { rng in make(generator, &rng) }
                let tally = Tally()
                await propertyCheck(count: count, input: requests) { request in
                    do {
                        let answer = try await request.send(
                            to: server.baseURL, with: httpClient, within: Self.requestLimit)
                        tally.record(answer.status)
                        #expect(answer.status < 500, "HTTP \(answer.status) \(String(buffer: answer.body))")
                    } catch {
                        tally.record(0)
                        Issue.record("no answer: \(error)")
                    }
                }
                let statuses = tally.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                print("[robustness] \(count) generated requests, answers by status: \(statuses)")
                try await expectStillServing(server, with: httpClient)
                return tally.statuses
            }
        }
    }

    func createInteraction(
        for agentId: String,
        on server: RunningReferenceServer,
        with httpClient: HTTPClient
    ) async throws -> String {
        let created = try await FuzzRequest(
            path: "/interactions",
            headers: [("Content-Type", "application/json")],
            body: Array(#"{"mediaType":"email","agentId":"\#(agentId)","properties":{}}"#.utf8)
        ).send(to: server.fixturesURL, with: httpClient, within: Self.requestLimit)
        #expect(created.status == 201)
        return try #require(try JSONValue(parsing: created.body.readableBytesView)["id"]?.stringValue)
    }

    func expectStillServing(_ server: RunningReferenceServer, with httpClient: HTTPClient) async throws {
        let agent = server.configuration.agents[0]
        let credentials = RandomRequest.basic(agent.username, agent.password)
        let list = try await FuzzRequest(method: .GET, path: "/me/interactions", headers: credentials, body: [])
            .send(to: server.baseURL, with: httpClient, within: Self.requestLimit)
        #expect(list.status == 200, "\(String(buffer: list.body))")
        #expect(try JSONValue(parsing: list.body.readableBytesView)["statusCode"] == 0)
        let handshake = try await FuzzRequest(
            path: "/notifications",
            headers: credentials + [("Content-Type", "application/json")],
            body: Array(
                #"[{"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["long-polling"]}]"#.utf8)
        ).send(to: server.baseURL, with: httpClient, within: Self.requestLimit)
        #expect(handshake.status == 200)
        let reply = try JSONValue(parsing: handshake.body.readableBytesView).arrayValue?.first
        #expect(reply?["successful"] == true, "\(String(buffer: handshake.body))")
    }
}

/// Counts answers by HTTP status (0: no answer).
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [UInt: Int] = [:]

    var statuses: [UInt: Int] { lock.withLock { counts } }

    func record(_ status: UInt) {
        lock.withLock { counts[status, default: 0] += 1 }
    }
}
