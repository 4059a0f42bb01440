import Hummingbird

/// The request context of the reference server: Hummingbird's core storage plus the authenticated caller.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` on every `/api/v2` route.
    var caller: Caller?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The authenticated caller; 401 when the route was reached without authentication.
    func requireCaller() throws(APIFailure) -> Caller {
        guard let caller else {
            throw .unauthorized("Authentication required")
        }
        return caller
    }

    /// The `{id}` path parameter.
    func interactionId() throws(APIFailure) -> String {
        guard let id = parameters.get("id") else {
            throw .notFound("No interaction id in the path")
        }
        return id
    }
}
