/// What an expected JSON document demands of an actual one: literal values mixed with matchers.
///
/// Matchers are written inside ordinary JSON so that goldens stay plain files:
///
/// | written | means |
/// | --- | --- |
/// | `"$any"` | any value, but present |
/// | `"$string"`, `"$number"`, `"$integer"`, `"$boolean"`, `"$null"`, `"$object"`, `"$array"` | a value of that type |
/// | `"$regex:^[A-Za-z0-9]+$"` | a string the regular expression matches in full |
/// | `"$capture:name"`, `"$capture:name:string"` | any value (or one of a type), remembered as `name` |
/// | `"$absent"` | as an object member: the member must not be there |
/// | `"$$text"` | the literal string `$text` |
/// | `{"$strict": {...}}` | an object with exactly these members (objects are lenient by default) |
/// | `{"$unordered": [...]}` | an array with these elements in any order |
/// | `{"$contains": [...]}` | an array with at least these elements, in any order |
/// | `{"$oneOf": [...]}` | any one of the patterns |
/// | `{"$allOf": [...]}` | every one of the patterns |
/// | `{"$anywhere": pattern}` | the value, or any value nested in it, matches the pattern |
/// | `{"$not": pattern}` | a present value that does not match the pattern |
/// | `{"$mentions": "text"}` | the text appears somewhere in the value: in a string (a URI too) or a member name |
public indirect enum JSONPattern: Sendable, Hashable {
    case literal(JSONValue)
    case any
    case type(JSONTypeConstraint)
    case regex(String)
    case capture(name: String, JSONPattern)
    case absent
    case object([Member], strict: Bool)
    case array([JSONPattern], order: ArrayOrder)
    case oneOf([JSONPattern])
    case allOf([JSONPattern])
    case anywhere(JSONPattern)
    case not(JSONPattern)
    case mentions(String)

    /// A member of an object pattern.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var pattern: JSONPattern
    }

    /// How array elements are compared.
    public enum ArrayOrder: String, Sendable, Hashable {
        case ordered, unordered, contains
    }

    /// A pattern that demands exactly `value`, reading no matchers in it (objects stay lenient).
    public static func exactly(_ value: JSONValue) -> JSONPattern {
        switch value {
        case .object(let object):
            .object(object.map { Member(key: $0.key, pattern: .exactly($0.value)) }, strict: false)
        case .array(let elements):
            .array(elements.map(exactly), order: .ordered)
        default:
            .literal(value)
        }
    }
}

/// A type a `$string`-style matcher demands.
public enum JSONTypeConstraint: String, Sendable, Hashable, CaseIterable {
    case string, number, integer, boolean, null, object, array

    func admits(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.null, .null), (.object, .object),
            (.array, .array):
            true
        case (.integer, .number(let number)): number == number.rounded()
        default: false
        }
    }
}

/// A matcher that could not be read: names the pointer inside the expected document and what is wrong.
public struct JSONPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pointer: JSONPointer
    public var reason: String

    public var description: String {
        "invalid matcher at \(pointer.description.isEmpty ? "/" : pointer.description): \(reason)"
    }
}
