import Hummingbird

/// The `connection-close` deployment: every answer (API, Bayeux, fixtures) says `Connection: close`, as a proxy
/// or server that never keeps a connection alive does; a client must open a new connection for each request.
struct ConnectionCloseMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let enabled: Bool

    func handle(
        _ request: Request,
        context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        guard enabled else { return try await next(request, context) }
        do {
            var response = try await next(request, context)
            response.headers[.connection] = "close"
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers[.connection] = "close"
            return response
        }
    }
}
