import ConformanceJSON

/// The fixture control contract over HTTP: `POST {url}/reset` and `POST {url}/interactions`.
package struct HTTPFixtures: Fixtures {
    package let url: String
    package let client: TargetClient

    package func reset() async throws(FixtureFailure) {
        let answer: HTTPAnswer
        do {
            answer = try await client.send(method: "POST", url: url + "/reset", headers: [], body: nil)
        } catch {
            throw FixtureFailure(description: "fixture reset failed: \(error)")
        }
        guard (200..<300).contains(answer.status) else {
            throw FixtureFailure(
                description: "fixture reset POST \(url)/reset answered HTTP \(answer.status) \(answer.bodySummary), "
                    + "expected 204")
        }
    }

    package func createInteraction(mediaType: String, agentId: String, properties: JSONValue)
        async throws(FixtureFailure)
        -> String
    {
        let body: JSONValue = ["mediaType": .string(mediaType), "agentId": .string(agentId), "properties": properties]
        let answer: HTTPAnswer
        do {
            answer = try await client.send(
                method: "POST", url: url + "/interactions", headers: [], body: Array(body.compactText.utf8))
        } catch {
            throw FixtureFailure(description: "fixture could not create an interaction: \(error)")
        }
        guard answer.status == 201 || answer.status == 200,
            case .success(let json) = answer.json, let id = json["id"]?.stringValue, !id.isEmpty
        else {
            throw FixtureFailure(
                description:
                    "fixture POST \(url)/interactions answered HTTP \(answer.status) \(answer.bodySummary); expected 201 {\"id\":...}"
            )
        }
        return id
    }
}
