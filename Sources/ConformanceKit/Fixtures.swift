import ConformanceJSON

/// How the suite sets up the target (docs/fixtures.md): a reset before the run, and new interactions routed to
/// an agent. One implementation per `fixtures.kind` of the profile.
public protocol Fixtures: Sendable {
    /// No interactions remain; agents own nothing; workbins are empty.
    func reset() async throws(FixtureFailure)

    /// Creates an interaction routed to `agentId`; returns its id.
    func createInteraction(mediaType: String, agentId: String, properties: JSONValue) async throws(FixtureFailure)
        -> String
}

/// Why a fixture could not be set up; the case becomes ERROR.
public struct FixtureFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
