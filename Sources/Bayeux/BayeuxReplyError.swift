import ConformanceJSON

/// Why a reply body is not a batch of Bayeux messages.
public struct BayeuxReplyError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case notJSON(JSONParseError, body: String)
        case notABatch(found: String)
        case notAMessage(index: Int, found: String)
    }

    let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notJSON(let error, let body):
            "reply is not JSON: \(error) (body: \(body.isEmpty ? "empty" : body))"
        case .notABatch(let found):
            "reply is not a Bayeux batch: expected a JSON array of messages or one message object, found \(found)"
        case .notAMessage(let index, let found):
            "reply is not a Bayeux batch: element \(index) is not a message object: \(found)"
        }
    }

    /// The start of a body as text, for error messages.
    static func excerpt(of bytes: some Collection<UInt8>, limit: Int = 200) -> String {
        let text = String(decoding: bytes.prefix(limit * 4), as: UTF8.self)
        guard text.count > limit || bytes.count > limit * 4 else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
