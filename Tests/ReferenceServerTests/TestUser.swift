import Foundation
import Hummingbird
import HummingbirdTesting

@testable import ReferenceServer

/// Someone calling a live server: a connection per request, with or without Basic credentials.
struct TestUser: Sendable {
    var port: Int
    var authorization: String?

    init(port: Int, account: Account?) {
        self.port = port
        self.authorization = account.map {
            "Basic " + Data("\($0.username):\($0.password)".utf8).base64EncodedString()
        }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, body: String? = nil) async throws -> HTTPReply {
        let authorization = self.authorization
        return try await TestClient.withClient(
            host: "127.0.0.1",
            port: port,
            // Only a request that never gets an answer meets this: answers take milliseconds.
            configuration: .init(timeout: .seconds(60))
        ) { client in
            var headers: HTTPFields = [.contentType: "application/json"]
            if let authorization {
                headers[.authorization] = authorization
            }
            let request = TestClient.Request(
                path,
                method: method,
                headers: headers,
                body: body.map { ByteBuffer(string: $0) }
            )
            let response = try await client.execute(request)
            return HTTPReply(
                status: Int(response.status.code),
                headers: response.headers,
                text: response.body.map { String(buffer: $0) } ?? ""
            )
        }
    }

    func get(_ path: String) async throws -> HTTPReply {
        try await send(.get, path)
    }

    func post(_ path: String, _ body: String) async throws -> HTTPReply {
        try await send(.post, path, body: body)
    }

    /// `POST /api/v2/me/interactions/{id}`.
    func operate(_ id: String, _ body: String) async throws -> HTTPReply {
        try await post("/api/v2/me/interactions/\(id)", body)
    }

    /// One Bayeux request to `/api/v2/notifications`; the replies it got.
    func bayeux(_ messages: JSONValue) async throws -> [JSONValue] {
        let reply = try await post("/api/v2/notifications", messages.jsonText)
        return reply.json?.arrayValue ?? []
    }
}
