import ConformanceJSON
import Foundation

/// `${name}` substitution in catalog strings and JSON: values captured earlier in a case, and profile facts.
public enum Template {
    /// A `${name}` that no step has bound.
    public struct UnboundVariable: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String { "the variable ${\(name)} is not bound at this step" }
    }

    /// Replaces every `${name}` in `text`.
    /// In a `$regex:` matcher, inserted values are escaped so that an id with `.` or `+` matches only itself.
    public static func substitute(_ text: String, _ variables: [String: JSONValue]) throws(UnboundVariable) -> String {
        let escapes = text.hasPrefix("$regex:")
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                return output
            }
            let name = String(rest[start.upperBound..<end])
            guard let value = variables[name] else { throw UnboundVariable(name: name) }
            let inserted = value.stringValue ?? value.compactText
            output += escapes ? NSRegularExpression.escapedPattern(for: inserted) : inserted
            rest = rest[rest.index(after: end)...]
        }
        return output + rest
    }

    /// Substitutes inside JSON: a string that is exactly `${name}` becomes the bound value itself.
    public static func substitute(_ value: JSONValue, _ variables: [String: JSONValue]) throws(UnboundVariable)
        -> JSONValue
    {
        switch value {
        case .string(let text):
            if text.hasPrefix("${"), text.hasSuffix("}"), text.dropFirst(2).dropLast().allSatisfy({ $0 != "}" }) {
                let name = String(text.dropFirst(2).dropLast())
                guard let bound = variables[name] else { throw UnboundVariable(name: name) }
                return bound
            }
            return .string(try substitute(text, variables))
        case .array(let elements):
            var result: [JSONValue] = []
            for element in elements { result.append(try substitute(element, variables)) }
            return .array(result)
        case .object(let object):
            var result = JSONObject()
            for member in object { result[member.key] = try substitute(member.value, variables) }
            return .object(result)
        default:
            return value
        }
    }

    /// The value with every `${...}` replaced by a plain word, to validate matchers before any run.
    package static func fillPlaceholders(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            var output = ""
            var rest = Substring(text)
            while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
                output += rest[..<start.lowerBound] + "placeholder"
                rest = rest[rest.index(after: end)...]
            }
            return .string(output + rest)
        case .array(let elements): return .array(elements.map(fillPlaceholders))
        case .object(let object):
            return .object(JSONObject(object.map { JSONObject.Member(key: $0.key, value: fillPlaceholders($0.value)) }))
        default: return value
        }
    }
}
