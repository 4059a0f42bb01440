import ConformanceJSON
import Foundation

/// Drives the target's fixtures (docs/fixtures.md): reset, and new interactions routed to an agent.
public struct FixtureDriver: Sendable {
    /// Why a fixture could not be set up; the case becomes ERROR.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    let fixtures: TargetProfile.Fixtures
    let client: TargetClient

    public init(fixtures: TargetProfile.Fixtures, client: TargetClient) {
        self.fixtures = fixtures
        var client = client
        client.service = .fixtures
        self.client = client
    }

    /// No interactions remain; agents own nothing; workbins are empty.
    public func reset() async throws(Failure) {
        switch fixtures {
        case .http(let url):
            let answer: HTTPAnswer
            do {
                answer = try await client.send(method: "POST", url: url + "/reset", headers: [], body: nil)
            } catch {
                throw Failure(description: "fixture reset failed: \(error)")
            }
            guard (200..<300).contains(answer.status) else {
                throw Failure(description: "fixture reset answered HTTP \(answer.status), expected 204")
            }
        case .command(_, let reset):
            if let reset { _ = try await runCommand(reset) }
        case .manual:
            print(
                "[fixture] Reset the target: no interactions, agents own nothing, workbins empty. Press Enter when done."
            )
            _ = readLine()
        }
    }

    /// Creates an interaction routed to `agentId`; returns its id.
    public func createInteraction(mediaType: String, agentId: String, properties: JSONValue) async throws(Failure)
        -> String
    {
        switch fixtures {
        case .http(let url):
            let body: JSONValue = [
                "mediaType": .string(mediaType), "agentId": .string(agentId), "properties": properties,
            ]
            let answer: HTTPAnswer
            do {
                answer = try await client.send(
                    method: "POST",
                    url: url + "/interactions",
                    headers: [],
                    body: Array(body.compactText.utf8)
                )
            } catch {
                throw Failure(description: "fixture could not create an interaction: \(error)")
            }
            guard answer.status == 201 || answer.status == 200,
                case .success(let json) = answer.json, let id = json["id"]?.stringValue, !id.isEmpty
            else {
                throw Failure(
                    description:
                        "fixture POST \(url)/interactions answered HTTP \(answer.status) \(answer.bodySummary); expected 201 {\"id\":...}"
                )
            }
            return id
        case .command(let create, _):
            let command = create.replacingOccurrences(of: "{mediaType}", with: mediaType)
                .replacingOccurrences(of: "{agentId}", with: agentId)
            let id = try await runCommand(command).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !id.isEmpty else {
                throw Failure(description: "fixture command printed no interaction id: \(command)")
            }
            return id
        case .manual:
            print(
                "[fixture] Route a new \(mediaType) interaction to agent \(agentId), then type its id and press Enter:")
            guard let id = readLine()?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
                throw Failure(description: "no interaction id was typed")
            }
            return id
        }
    }

    /// Runs a fixture command within the request timeout; its standard output.
    private func runCommand(_ command: String) async throws(Failure) -> String {
        do {
            return try await FixtureCommand(command: command, timeLimit: client.timeout).run()
        } catch {
            throw Failure(description: error.description)
        }
    }
}
