import Hummingbird

/// HTTP Basic authentication of every `/api/v2` route against the configured accounts.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let configuration: ReferenceServerConfiguration

    func handle(
        _ request: Request,
        context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            if configuration.deviations.contains(.anonymousAllowed), let first = configuration.agents.first {
                var context = context
                context.caller = .agent(id: first.id)
                return try await next(request, context)
            }
            throw APIFailure.unauthorized("Authentication required")
        }
        guard let credentials = BasicCredentials(header: header),
            let account = configuration.account(username: credentials.username),
            account.password == credentials.password || configuration.deviations.contains(.anyPassword)
        else {
            throw APIFailure.unauthorized("Wrong user name or password")
        }
        var context = context
        context.caller = account == configuration.admin ? .admin(id: account.id) : .agent(id: account.id)
        return try await next(request, context)
    }
}
