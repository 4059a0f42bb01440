import AsyncHTTPClient
import ConformanceKit
import Foundation
import NIOCore
import NIOHTTP1

/// One generated request to the reference server, printable so that a failing one can be read and replayed.
struct FuzzRequest: Sendable, CustomStringConvertible {
    var method: HTTPMethod = .POST
    /// Relative to the REST base, e.g. `/me/interactions/abc`.
    var path: String
    var headers: [(String, String)]
    var body: [UInt8]

    var description: String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let names = headers.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return "\(method) \(path) [\(names)] \(body.count) bytes: \(text)\(body.count > 400 ? "…" : "")"
    }

    /// Sends the request and reads the whole answer, within `limit`.
    func send(to baseURL: String, with httpClient: HTTPClient, within limit: Duration) async throws -> (
        status: UInt, body: ByteBuffer
    ) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if method != .GET { request.body = .bytes(ByteBuffer(bytes: body)) }
        let prepared = request
        return try await Deadline.run(limit) {
            let response = try await httpClient.execute(prepared, timeout: .nanoseconds(Int64(limit.nanoseconds)))
            return (response.status.code, try await response.body.collect(upTo: 1 << 20))
        }
    }
}

extension Duration {
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }
}
