import Hummingbird

/// Turns every failure into the document's error body, `{"status":"error","errorDescription":...}`, with no
/// credentials and no stack trace in it, and the status `refusal-status` (and the deviations) say.
struct ErrorBodyMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let configuration: ReferenceServerConfiguration

    var deviations: Set<Switch> { configuration.deviations }
    var dialect: Dialect { configuration.dialect }

    func handle(
        _ request: Request,
        context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch var failure as APIFailure {
            if deviations.contains(.errorsEchoCredentials), let credentials = request.headers[.authorization] {
                failure.description += " (request sent with Authorization: \(credentials))"
            }
            return response(for: failure, status: refusalStatus(failure.status, path: request.uri.path))
        } catch let error as any HTTPResponseError {
            // The router's own refusals (no such route) keep their status under refusal-status=200.
            let description =
                error.status == .notFound
                ? "No resource \(request.method.rawValue) \(request.uri.path)"
                : "\(error.status.code) \(error.status.reasonPhrase)"
            let failure = APIFailure(status: error.status, description: description)
            return response(for: failure, status: refusalStatus(error.status, path: nil))
        } catch {
            context.logger.error("Unexpected error: \(String(describing: type(of: error)))")
            let failure = APIFailure(status: .internalServerError, description: "Internal server error")
            return response(for: failure, status: .internalServerError)
        }
    }

    /// The status a refusal with `status` is answered with. 401 always stays 401. Under `refusal-status=200` (and
    /// the `error-status-200` switch, which is the same behaviour) a refusal on the interaction paths (`path`) is
    /// answered with 200, except 413 and 500; under `server-error-refusals` every refusal is a 500.
    func refusalStatus(_ status: HTTPResponse.Status, path: String?) -> HTTPResponse.Status {
        guard status != .unauthorized else { return status }
        if deviations.contains(.serverErrorRefusals) {
            return .internalServerError
        }
        let answersOK = configuration.readings.follows(.refusalStatus, "200") || deviations.contains(.errorStatus200)
        guard answersOK, let path, Self.isInteractionPath(path),
            ![.contentTooLarge, .internalServerError].contains(status)
        else { return status }
        return .ok
    }

    /// `/api/v2/interactions...` and `/api/v2/me/interactions...`.
    static func isInteractionPath(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard components.count >= 3, components[0] == "api", components[1] == "v2" else { return false }
        return components[2] == "interactions"
            || (components[2] == "me" && components.dropFirst(3).first == "interactions")
    }

    private func response(for failure: APIFailure, status: HTTPResponse.Status) -> Response {
        var response: Response
        if deviations.contains(.htmlErrorPages), failure.status != .unauthorized {
            response = Self.htmlPage(failure, status: status)
        } else {
            var body = JSONObject([("status", "error")])
            if !deviations.contains(.missingErrorDescription) {
                body["errorDescription"] = .string(failure.description)
            }
            response = Response.json(dialect.answer(dialect.statusBody(body)), status: status)
        }
        if failure.status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Basic realm=\"GWS\""
        }
        return response
    }

    /// The `html-error-pages` answer: an HTML page naming the status and the description.
    private static func htmlPage(_ failure: APIFailure, status: HTTPResponse.Status) -> Response {
        let title = "\(failure.status.code) \(failure.status.reasonPhrase)"
        let page = """
            <!DOCTYPE html>
            <html><head><title>\(title)</title></head>
            <body><h1>\(title)</h1><p>\(escaped(failure.description))</p></body></html>

            """
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page))
        )
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
