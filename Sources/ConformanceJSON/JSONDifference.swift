/// One way an actual JSON document differs from what was expected, at one pointer.
public struct JSONDifference: Sendable, Hashable, CustomStringConvertible {
    /// The kind of difference.
    public enum Kind: String, Sendable, Hashable {
        /// An expected member or element is not there.
        case missing
        /// A member is there that must not be (strict objects, `$absent`).
        case unexpected
        /// The value has another JSON type.
        case type
        /// The value differs.
        case value
        /// The value does not satisfy a matcher (regex, `$oneOf`, `$anywhere`, unordered elements).
        case pattern
        /// The array has another number of elements.
        case count
    }

    public var pointer: JSONPointer
    public var kind: Kind
    /// The expectation, as text (a literal in compact JSON or a matcher).
    public var expected: String
    /// What the target sent, as compact JSON (abbreviated), or `(absent)`.
    public var actual: String

    public init(pointer: JSONPointer, kind: Kind, expected: String, actual: String) {
        self.pointer = pointer
        self.kind = kind
        self.expected = expected
        self.actual = actual
    }

    /// A sentence for people.
    public var message: String {
        let place = pointer.description.isEmpty ? "the document" : pointer.description
        switch kind {
        case .missing: return "\(place) is missing; expected \(expected)"
        case .unexpected: return "\(place) must not be present; found \(actual)"
        case .type: return "\(place) has the wrong type: expected \(expected), found \(actual)"
        case .value: return "\(place) differs: expected \(expected), found \(actual)"
        case .pattern: return "\(place) does not match \(expected); found \(actual)"
        case .count: return "\(place) has the wrong number of elements: expected \(expected), found \(actual)"
        }
    }

    public var description: String { message }
}
