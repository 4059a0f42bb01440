import Hummingbird

/// Delays every REST answer (the API and the fixtures, not the Bayeux endpoint) by a fixed time, so that a run
/// against the embedded server costs what it costs against a server across a network link.
struct LatencyMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let latency: Duration

    func handle(
        _ request: Request,
        context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        if latency > .zero, !request.uri.path.hasSuffix("/notifications") {
            try? await Task.sleep(for: latency)
        }
        return try await next(request, context)
    }
}
