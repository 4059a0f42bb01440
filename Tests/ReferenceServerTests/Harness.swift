import Testing

@testable import ReferenceServer

/// A live reference server on an ephemeral port with a user for each account.
struct Harness: Sendable {
    var server: RunningReferenceServer

    var agent1: TestUser { user(server.configuration.agents[0]) }
    var agent2: TestUser { user(server.configuration.agents[1]) }
    var agent3: TestUser { user(server.configuration.agents[2]) }
    var admin: TestUser { user(server.configuration.admin) }
    var anonymous: TestUser { user(nil) }

    func user(_ account: Account?) -> TestUser {
        TestUser(port: server.port, account: account)
    }

    /// Runs `body` against a fresh server, shut down afterwards.
    static func with<T: Sendable>(
        _ deviations: Set<Switch> = [],
        readings: Readings = Readings(),
        variant: Bool = false,
        longPollTimeout: Duration = .seconds(2),
        _ body: @Sendable (Harness) async throws -> T
    ) async throws -> T {
        var configuration = ReferenceServerConfiguration.generated(
            deviations: deviations, readings: readings, variant: variant)
        configuration.longPollTimeout = longPollTimeout
        return try await ReferenceServer.withRunning(configuration) { server in
            try await body(Harness(server: server))
        }
    }

    /// Creates an interaction through the fixture contract; returns its id.
    func create(for agentId: String = "agent-1", properties: String = "{}") async throws -> String {
        let reply = try await anonymous.post(
            "/fixtures/interactions",
            #"{"mediaType":"email","agentId":"\#(agentId)","properties":\#(properties)}"#
        )
        #expect(reply.status == 201)
        return try #require(reply.json?["id"]?.stringValue)
    }

    /// The messages queued for the next `/meta/connect` of session `clientId`; `nil` when there is no such session.
    func queued(for clientId: String) async -> [JSONValue]? {
        await server.core.bayeux.sessions[clientId]?.queue
    }

    /// Creates an interaction for `agent` and has it accepted.
    func accepted(by agent: String = "agent-1") async throws -> String {
        let id = try await create(for: agent)
        let account = try #require(server.configuration.agents.first { $0.id == agent })
        let reply = try await user(account).operate(id, #"{"operationName":"Accept"}"#)
        #expect(reply.status == 200)
        return id
    }
}
