/// The outcome of matching a document against a pattern.
public struct JSONMatch: Sendable, Hashable {
    /// Every difference found, in document order.
    public var differences: [JSONDifference] = []
    /// Values remembered by `$capture:name` matchers.
    public var captures: [String: JSONValue] = [:]
    /// Members the target sent that a lenient object did not ask for (information, never a failure).
    public var extraMembers: [JSONPointer] = []

    public init() {}

    /// Whether the document satisfied the pattern.
    public var isMatch: Bool { differences.isEmpty }

    mutating func absorb(_ other: JSONMatch) {
        differences += other.differences
        captures.merge(other.captures) { _, new in new }
        extraMembers += other.extraMembers
    }
}
