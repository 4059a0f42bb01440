import Foundation

extension JSONPattern {
    /// Reads the matchers written in `value` (see `JSONPattern`).
    public init(reading value: JSONValue) throws(JSONPatternError) {
        self = try Self.read(value, at: .root)
    }

    private static func read(_ value: JSONValue, at pointer: JSONPointer) throws(JSONPatternError) -> JSONPattern {
        switch value {
        case .string(let string) where string.hasPrefix("$"):
            return try readDirective(string, at: pointer)
        case .object(let object):
            if object.count == 1, let member = object.first, member.key.hasPrefix("$") {
                return try readObjectDirective(member.key, member.value, at: pointer.appending(member.key))
            }
            var members: [Member] = []
            for member in object {
                members.append(
                    Member(key: member.key, pattern: try read(member.value, at: pointer.appending(member.key))))
            }
            return .object(members, strict: false)
        case .array(let elements):
            return .array(try readElements(elements, at: pointer), order: .ordered)
        default:
            return .literal(value)
        }
    }

    private static func readElements(_ elements: [JSONValue], at pointer: JSONPointer) throws(JSONPatternError)
        -> [JSONPattern]
    {
        var patterns: [JSONPattern] = []
        for (index, element) in elements.enumerated() {
            patterns.append(try read(element, at: pointer.appending(index)))
        }
        return patterns
    }

    private static func readDirective(_ text: String, at pointer: JSONPointer) throws(JSONPatternError) -> JSONPattern {
        if text.hasPrefix("$$") { return .literal(.string(String(text.dropFirst()))) }
        let body = text.dropFirst()
        if body == "any" { return .any }
        if body == "absent" { return .absent }
        if let type = JSONTypeConstraint(rawValue: String(body)) { return .type(type) }
        if body.hasPrefix("regex:") {
            let expression = String(body.dropFirst("regex:".count))
            do {
                // Compiled anchored, exactly as the matcher uses it.
                _ = try NSRegularExpression(pattern: JSONMatcher.anchored(expression))
            } catch {
                throw JSONPatternError(pointer: pointer, reason: "regular expression '\(expression)' does not compile")
            }
            return .regex(expression)
        }
        if body.hasPrefix("capture:") {
            let parts = body.dropFirst("capture:".count).split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, !name.isEmpty else {
                throw JSONPatternError(pointer: pointer, reason: "'$capture:' needs a name")
            }
            guard parts.count == 2 else { return .capture(name: name, .any) }
            guard let type = JSONTypeConstraint(rawValue: parts[1]) else {
                throw JSONPatternError(pointer: pointer, reason: "unknown type '\(parts[1])' in '\(text)'")
            }
            return .capture(name: name, .type(type))
        }
        throw JSONPatternError(
            pointer: pointer,
            reason: "unknown matcher '\(text)' (write '$\(text)' for a literal string starting with '$')"
        )
    }

    private static func readObjectDirective(_ key: String, _ value: JSONValue, at pointer: JSONPointer)
        throws(JSONPatternError) -> JSONPattern
    {
        switch key {
        case "$strict":
            guard case .object(let object) = value else {
                throw JSONPatternError(pointer: pointer, reason: "'$strict' takes an object")
            }
            var members: [Member] = []
            for member in object {
                members.append(
                    Member(key: member.key, pattern: try read(member.value, at: pointer.appending(member.key))))
            }
            return .object(members, strict: true)
        case "$unordered", "$contains", "$oneOf", "$allOf":
            guard case .array(let elements) = value else {
                throw JSONPatternError(pointer: pointer, reason: "'\(key)' takes an array")
            }
            let patterns = try readElements(elements, at: pointer)
            if key == "$oneOf" || key == "$allOf" {
                guard !patterns.isEmpty else { throw JSONPatternError(pointer: pointer, reason: "'\(key)' is empty") }
                return key == "$oneOf" ? .oneOf(patterns) : .allOf(patterns)
            }
            return .array(patterns, order: key == "$unordered" ? .unordered : .contains)
        case "$anywhere":
            return .anywhere(try read(value, at: pointer))
        case "$not":
            return .not(try read(value, at: pointer))
        case "$mentions":
            guard case .string(let text) = value, !text.isEmpty else {
                throw JSONPatternError(pointer: pointer, reason: "'$mentions' takes a non-empty string")
            }
            return .mentions(text)
        default:
            throw JSONPatternError(
                pointer: pointer,
                reason:
                    "unknown matcher '\(key)' (known: $strict, $unordered, $contains, $oneOf, $allOf, $anywhere, $not, $mentions)"
            )
        }
    }
}
