/// The members and JSON types of the answers to one operation, or of one notification message type, merged over
/// a run: the `shapes` of the JSON report, which `conformance diff` compares between two runs.
public struct MessageShape: Sendable, Hashable, Codable {
    /// What was received.
    public enum Kind: String, Sendable, Hashable, Codable, Comparable {
        /// The answers to one request (method, path template, `operationName`, status class).
        case answer
        /// The notifications of one message type on one channel.
        case notification

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    /// `POST /me/interactions/{id} Accept → 2xx`, or `InteractionStateMessage on /v2/me/interactions`.
    public var name: String
    /// Every member path seen, as a JSON Pointer with `*` for any array element (`""` is the whole body), with the
    /// JSON types it had, sorted. An answer without a body has `"": ["empty"]`; one that is not JSON,
    /// `"": ["not JSON"]`.
    public var members: [String: [String]]
    /// Up to three cases that received it, in catalog order.
    public var examples: [String]

    public init(kind: Kind, name: String, members: [String: [String]], examples: [String]) {
        self.kind = kind
        self.name = name
        self.members = members
        self.examples = examples
    }

    /// How many case ids `examples` keeps.
    package static let exampleLimit = 3
}
