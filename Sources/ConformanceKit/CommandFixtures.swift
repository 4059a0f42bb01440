import ConformanceJSON

/// Fixtures as shell commands of the profile: `create` prints the new interaction's id, `reset` (optional)
/// resets the target. Each runs off the cooperative pool, within the request timeout.
package struct CommandFixtures: Fixtures {
    package let create: String
    package let resetCommand: String?
    package let timeLimit: Duration

    package func reset() async throws(FixtureFailure) {
        if let resetCommand { _ = try await run(resetCommand) }
    }

    package func createInteraction(mediaType: String, agentId: String, properties: JSONValue)
        async throws(FixtureFailure)
        -> String
    {
        let command = create.replacingOccurrences(of: "{mediaType}", with: mediaType)
            .replacingOccurrences(of: "{agentId}", with: agentId)
        let id = try await run(command).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else {
            throw FixtureFailure(description: "fixture command printed no interaction id: \(command)")
        }
        return id
    }

    private func run(_ command: String) async throws(FixtureFailure) -> String {
        do {
            return try await FixtureCommand(command: command, timeLimit: timeLimit).run()
        } catch {
            throw FixtureFailure(description: error.description)
        }
    }
}
