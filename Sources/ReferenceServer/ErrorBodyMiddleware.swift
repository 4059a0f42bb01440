import Hummingbird

/// Turns every failure into the document's error body, `{"status":"error","errorDescription":...}`, with no
/// credentials and no stack trace in it.
struct ErrorBodyMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let deviations: Set<Deviation>
    let dialect: Dialect

    func handle(
        _ request: Request,
        context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let failure as APIFailure {
            return response(for: failure)
        } catch let error as any HTTPResponseError {
            let description =
                error.status == .notFound
                ? "No resource \(request.method.rawValue) \(request.uri.path)"
                : "\(error.status.code) \(error.status.reasonPhrase)"
            return response(for: APIFailure(status: error.status, description: description))
        } catch {
            context.logger.error("Unexpected error: \(String(describing: type(of: error)))")
            return response(for: APIFailure(status: .internalServerError, description: "Internal server error"))
        }
    }

    private func response(for failure: APIFailure) -> Response {
        var body = JSONObject([("status", "error")])
        if !deviations.contains(.missingErrorDescription) {
            body["errorDescription"] = .string(failure.description)
        }
        let keepsStatus = [.unauthorized, .contentTooLarge, .internalServerError].contains(failure.status)
        let status = deviations.contains(.errorStatus200) && !keepsStatus ? .ok : failure.status
        var response = Response.json(dialect.answer(dialect.statusBody(body)), status: status)
        if failure.status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Basic realm=\"GWS\""
        }
        return response
    }
}
