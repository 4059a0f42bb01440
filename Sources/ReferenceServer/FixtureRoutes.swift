import Hummingbird

/// The fixture control contract at `/fixtures` (no authentication): reset, and create an interaction.
struct FixtureRoutes: Sendable {
    let core: ServerCore
    let configuration: ReferenceServerConfiguration

    func register(on router: Router<ServerRequestContext>) {
        router.post("fixtures/reset") { _, _ in
            await core.reset()
            return Response(status: .noContent)
        }
        router.post("fixtures/interactions") { request, _ in try await create(request) }
    }

    /// `{"mediaType":"email","agentId":"agent-1","properties":{...}}` -> 201 `{"id":...}`.
    private func create(_ request: Request) async throws -> Response {
        let body = try await request.jsonBody(limit: configuration.maxBodySize)
        guard let object = body.objectValue else {
            throw APIFailure.badRequest("The request body must be a JSON object")
        }
        guard let mediaType = object["mediaType"]?.stringValue else {
            throw APIFailure.badRequest("Parameter 'mediaType' must be a string")
        }
        guard let agentId = object["agentId"]?.stringValue else {
            throw APIFailure.badRequest("Parameter 'agentId' must be a string")
        }
        var properties = JSONObject()
        if let value = object["properties"] {
            guard let value = value.objectValue else {
                throw APIFailure.badRequest("Parameter 'properties' must be a JSON object")
            }
            properties = value
        }
        let id = try await core.createInteraction(mediaType: mediaType, agentId: agentId, properties: properties)
        return .json(["id": .string(id)], status: .created)
    }
}
