import ConformanceJSON
import Foundation

/// Fixtures done by a person: the suite asks on standard error and reads the answer from standard input, on a
/// thread of its own so that the other cases' tasks keep running.
package struct ManualFixtures: Fixtures {
    package func reset() async throws(FixtureFailure) {
        _ = await ask("Reset the target: no interactions, agents own nothing, workbins empty. Press Enter when done.")
    }

    package func createInteraction(mediaType: String, agentId: String, properties: JSONValue)
        async throws(FixtureFailure)
        -> String
    {
        let typed = await ask(
            "Route a new \(mediaType) interaction to agent \(agentId), then type its id and press Enter:")
        guard let id = typed?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
            throw FixtureFailure(description: "no interaction id was typed")
        }
        return id
    }

    /// Prints the request and waits for a line (nil at the end of the input), without blocking the caller's thread.
    private func ask(_ request: String) async -> String? {
        FileHandle.standardError.write(Data(("[fixture] " + request + "\n").utf8))
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: readLine()) }
        }
    }
}
