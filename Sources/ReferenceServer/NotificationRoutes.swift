import Hummingbird

/// The Bayeux (CometD long-polling) endpoint at `/api/v2/notifications`.
struct NotificationRoutes: Sendable {
    let core: ServerCore
    let configuration: ReferenceServerConfiguration

    /// CometD clients may append the message type to the URL.
    static let actions: Set<String> = ["handshake", "connect", "subscribe", "unsubscribe", "disconnect"]

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.post("notifications") { request, context in try await exchange(request, context) }
        group.post("notifications/:action") { request, context in
            guard let action = context.parameters.get("action"), Self.actions.contains(action) else {
                throw APIFailure.notFound("No resource POST \(request.uri.path)")
            }
            return try await exchange(request, context)
        }
    }

    private func exchange(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let body = try await request.jsonBody(limit: configuration.maxBodySize)
        let messages: [JSONValue]
        switch body {
        case .array(let elements): messages = elements
        case .object: messages = [body]
        default: throw APIFailure.badRequest("A Bayeux request is a JSON array of messages or one message object")
        }
        guard configuration.deployment.contains(.sessionCookie) else {
            let replies = await core.exchange(messages, user: caller.accountId)
            return .json(.array(configuration.dialect.wire(replies)))
        }
        let (admitted, refused, setCookie) = await core.admit(
            messages, user: caller.accountId, cookieHeader: request.headers[.cookie])
        let replies = admitted.isEmpty ? [] : await core.exchange(admitted, user: caller.accountId)
        var response = Response.json(.array(configuration.dialect.wire(refused + replies)))
        if let setCookie { response.headers[.setCookie] = setCookie }
        return response
    }
}
