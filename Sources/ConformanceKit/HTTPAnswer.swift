import ConformanceJSON

/// What a target answered to one request.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True when the body has nothing but whitespace.
    public var bodyIsEmpty: Bool {
        body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The body as JSON, or why it is not.
    public var json: Result<JSONValue, JSONParseError> {
        Result { () throws(JSONParseError) in try JSONValue(parsing: body) }
    }

    /// The body for a transcript line: JSON compactly, other bytes as (lossy) text, cut short.
    public var bodySummary: String {
        if bodyIsEmpty { return "(empty body)" }
        if case .success(let value) = json { return value.abbreviated(limit: 300) }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return "(not JSON) " + text + (body.count > 300 ? "…(\(body.count) bytes)" : "")
    }
}
