import Hummingbird

/// The REST routes of the Interactions API under `/api/v2`.
struct InteractionRoutes: Sendable {
    let core: ServerCore
    let configuration: ReferenceServerConfiguration

    var deviations: Set<Switch> { configuration.deviations }
    var dialect: Dialect { configuration.dialect }

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.get("interactions") { _, context in try await listAll(context) }
        group.get("interactions/:id") { _, context in try await show(context) }
        group.put("interactions/:id") { request, context in try await update(request, context) }
        group.get("me/interactions") { request, context in try await listMine(request, context) }
        group.post("me/interactions/:id") { request, context in try await operate(request, context) }
    }

    /// `GET /interactions`: every interaction not completed, for the admin and agents.
    private func listAll(_ context: ServerRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        if case .admin = caller, deviations.contains(.adminForbidden) {
            throw APIFailure.forbidden("The Contact Center Admin may not list interactions")
        }
        let interactions = deviations.contains(.interactionsListEmpty) ? [] : await core.activeInteractions
        return await answer(listBody("interactions", .array(interactions.map(currentMessage))))
    }

    /// `GET /interactions/{id}`: the interaction and its participants, for a participant or an invited agent (and
    /// under `admin-get=allowed` for the admin, whatever the interaction).
    private func show(_ context: ServerRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.interactionId()
        if case .admin = caller, deviations.contains(.adminGetEmpty) { return await answer(["statusCode": 0]) }
        let interaction: Interaction
        if case .admin = caller, configuration.readings.follows(.adminGet, "allowed") {
            interaction = try await core.interaction(id)
        } else {
            interaction = try await core.interaction(id, visibleTo: try caller.requireAgent())
        }
        guard case .object(var message) = currentMessage(interaction) else {
            throw APIFailure(status: .internalServerError, description: "Internal server error")
        }
        message["participants"] = .array(interaction.participants.map(JSONValue.string))
        if deviations.contains(.interactionDetailsMissing) {
            return await answer(listBody("interactionId", .string(interaction.id)))
        }
        return await answer(listBody("interaction", .object(message)))
    }

    /// `PUT /interactions/{id}`: merges `properties` when the body has them; under `put-body=refused` a 400 once the
    /// caller is known to work on the interaction.
    private func update(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let agentId = try context.requireCaller().requireAgent()
        if configuration.readings.follows(.putBody, "refused") {
            try await core.update(try context.interactionId(), properties: nil, by: agentId)
            throw APIFailure.badRequest("PUT /interactions/{id} takes no body; use POST /me/interactions/{id}")
        }
        let body = try await request.jsonBody(limit: configuration.maxBodySize)
        guard let object = body.objectValue else {
            throw APIFailure.badRequest("The request body must be a JSON object")
        }
        var properties: JSONObject?
        if let value = object["properties"] {
            guard let value = value.objectValue else {
                throw APIFailure.badRequest("Parameter 'properties' must be a JSON object")
            }
            properties = value
        }
        try await core.update(try context.interactionId(), properties: properties, by: agentId)
        return await answer(dialect.statusBody(["status": .string(okStatus(nil, mediaType: nil))]))
    }

    /// `GET /me/interactions`: URIs of the interactions the agent works on, or the messages with `fields=*`; under
    /// `admin-get=allowed` the admin gets empty lists.
    private func listMine(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        if case .admin = caller, deviations.contains(.adminGetEmpty) { return await answer(["statusCode": 0]) }
        let interactions: [Interaction]
        if case .admin = caller, configuration.readings.follows(.adminGet, "allowed") {
            interactions = []
        } else {
            interactions = await core.interactions(listedFor: try caller.requireAgent())
        }
        if request.uri.queryParameters["fields"] == "*", !deviations.contains(.fieldsIgnored) {
            return await answer(listBody("interactions", .array(interactions.map(currentMessage)), mine: true))
        }
        var base = "/api/v2"
        if !deviations.contains(.relativeURIs) {
            base = await core.baseURL
        }
        let uris = interactions.map { interaction -> JSONValue in
            let uri = "\(base)/interactions/\(interaction.id)"
            return .string(deviations.contains(.paddedURIs) ? " \(uri) " : uri)
        }
        return await answer(listBody("uris", .array(uris), mine: true))
    }

    /// `POST /me/interactions/{id}`: one of the ten operations.
    private func operate(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let body = try await request.jsonBody(limit: configuration.maxBodySize)
        if case .admin = caller, deviations.contains(.refusalsCarriedOut) || deviations.contains(.adminMayOperate),
            let operation = try? InteractionOperation.parse(body, configuration: configuration)
        {
            let id = try context.interactionId()
            await core.carryOut(operation, on: id)
            if deviations.contains(.adminMayOperate) { return await success(operation) }
        }
        let agentId = try caller.requireAgent()
        let parsed: InteractionOperation?
        do {
            parsed = try InteractionOperation.parse(body, configuration: configuration)
        } catch {
            if deviations.contains(.parametersUnchecked), Self.namesAnOperation(body, configuration) {
                return await success(nil)
            }
            throw error
        }
        guard let operation = parsed else {
            if deviations.contains(.unknownOperationOK) {
                return await success(nil)
            }
            let name = body["operationName"]?.stringValue ?? ""
            if deviations.contains(.unknownOperationServerError) {
                throw APIFailure(status: .internalServerError, description: "Unknown operationName '\(name)'")
            }
            throw APIFailure.badRequest("Unknown operationName '\(name)'")
        }
        let id = try context.interactionId()
        if deviations.contains(.workbinStringServerError), case .placeInWorkbin = operation,
            body["workbin"]?.stringValue != nil,
            (try? await core.interaction(id))?.participants.contains(agentId) == true
        {
            throw APIFailure(status: .internalServerError, description: "Internal server error")
        }
        try await core.perform(operation, on: id, by: agentId)
        return await success(operation, mediaType: (try? await core.interaction(id))?.mediaType)
    }

    /// Whether the body names an operation the server knows (its parameters aside).
    private static func namesAnOperation(_ body: JSONValue, _ configuration: ReferenceServerConfiguration) -> Bool {
        guard let name = body["operationName"]?.stringValue else { return false }
        return InteractionOperation.names(configuration: configuration).contains(name)
    }

    /// The `status` of a success body: "ok", or "OK" where an ok-uppercase switch covers the operation.
    private func okStatus(_ operation: InteractionOperation?, mediaType: String?) -> String {
        let upper: Bool
        switch operation {
        case .accept:
            upper = deviations.contains(.okUppercase) || (deviations.contains(.chatOkUppercase) && mediaType == "chat")
        case .endConference:
            upper =
                deviations.contains(.okUppercase) || deviations.contains(.okUppercaseAfterAccept)
                || deviations.contains(.okUppercaseEndConference)
        default: upper = deviations.contains(.okUppercase) || deviations.contains(.okUppercaseAfterAccept)
        }
        return upper ? "OK" : "ok"
    }

    /// `{"status":"ok"}`, or an empty 200 (`success-body=empty`, and always in the variant).
    private func success(_ operation: InteractionOperation?, mediaType: String? = nil) async -> Response {
        let status: HTTPResponse.Status = deviations.contains(.successStatus202) ? .accepted : .ok
        let mixedEmpty: Bool
        if case .accept = operation { mixedEmpty = false } else { mixedEmpty = deviations.contains(.successBodyMixed) }
        guard configuration.readings.follows(.successBody, "ok-body"), !mixedEmpty,
            let body = dialect.operationSuccess(status: okStatus(operation, mediaType: mediaType))
        else {
            return Response(status: status)
        }
        var response = await answer(dialect.statusBody(body))
        response.status = status
        return response
    }

    private func currentMessage(_ interaction: Interaction) -> JSONValue {
        let message = interaction.currentMessage(invitation: configuration.invitationState)
        guard deviations.contains(.messageTypeMissing), case .object(var object) = message else { return message }
        object["messageTypeName"] = nil
        return .object(object)
    }

    /// A 200 JSON answer as the dialect writes it.
    private func answer(_ body: JSONValue) async -> Response {
        .json(dialect.answer(body, interactionsURL: await core.baseURL + "/interactions"))
    }

    /// `{"statusCode":0,key:value}`; `mine` for the answers of `GET /me/interactions`.
    private func listBody(_ key: String, _ value: JSONValue, mine: Bool = false) -> JSONValue {
        var body = JSONObject()
        if !deviations.contains(.missingStatusCode) {
            body["statusCode"] = mine && deviations.contains(.statusCodeString) ? "0" : 0
        }
        body[key] = value
        return .object(body)
    }
}
