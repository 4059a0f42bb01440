import Foundation
import Hummingbird

extension Request {
    /// The body as JSON: 413 above `limit` bytes, 400 when it is not JSON.
    func jsonBody(limit: Int) async throws(APIFailure) -> JSONValue {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw .contentTooLarge("The request body is larger than \(limit) bytes")
        } catch {
            throw .badRequest("The request body could not be read")
        }
        guard let value = JSONValue.parse(Data(buffer.readableBytesView)) else {
            throw .badRequest("The request body is not valid JSON")
        }
        return value
    }
}
