import ConformanceCatalog
import ConformanceJSON

/// The target's fixtures as the profile describes them (docs/fixtures.md): the `Fixtures` implementation of its
/// `fixtures.kind`, with fixture exchanges counted apart from the API's by the circuit breaker.
public struct FixtureDriver: Sendable {
    public typealias Failure = FixtureFailure

    package let fixtures: any Fixtures

    public init(fixtures: TargetProfile.Fixtures, client: TargetClient) {
        var client = client
        client.service = .fixtures
        // The fixtures URL may be exempt from the proxy the API goes through (a local adapter, NO_PROXY).
        if let fixtureHTTPClient = client.fixtureHTTPClient { client.httpClient = fixtureHTTPClient }
        switch fixtures {
        case .http(let url): self.fixtures = HTTPFixtures(url: url, client: client)
        case .command(let create, let reset):
            self.fixtures = CommandFixtures(create: create, resetCommand: reset, timeLimit: client.timeout)
        case .manual: self.fixtures = ManualFixtures()
        }
    }

    /// No interactions remain; agents own nothing; workbins are empty.
    public func reset() async throws(Failure) {
        try await fixtures.reset()
    }

    /// Creates an interaction routed to `agentId`; returns its id.
    public func createInteraction(mediaType: String, agentId: String, properties: JSONValue) async throws(Failure)
        -> String
    {
        try await fixtures.createInteraction(mediaType: mediaType, agentId: agentId, properties: properties)
    }
}
