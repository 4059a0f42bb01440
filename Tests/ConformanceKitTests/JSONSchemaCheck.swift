import ConformanceJSON
import Foundation

/// Checks a JSON document against the subset of JSON Schema (2020-12) that `docs/report-schema.json` uses:
/// `type`, `required`, `properties`, `additionalProperties`, `items`, `enum`, `const`, `minimum`, `pattern` and
/// local `$ref`s. A keyword outside that subset is itself a problem, so the check never skips part of a schema.
///
/// With `closed`, an object member the schema does not declare is a problem too: the report may not write a
/// member its published schema does not describe.
struct JSONSchemaCheck {
    let root: JSONValue
    var closed = false

    static let annotations: Set<String> = ["$schema", "$defs", "title", "description"]
    static let keywords: Set<String> = [
        "type", "required", "properties", "additionalProperties", "items", "enum", "const", "minimum", "pattern",
        "$ref",
    ]

    /// Every problem, as `POINTER: what is wrong`.
    func problems(in value: JSONValue) -> [String] {
        problems(value, against: root, at: "")
    }

    private func problems(_ value: JSONValue, against schema: JSONValue, at pointer: String) -> [String] {
        guard let keywords = schema.objectValue else { return ["\(pointer): the schema there is not an object"] }
        var found: [String] = []
        for key in keywords.keys where !Self.annotations.contains(key) && !Self.keywords.contains(key) {
            found.append("\(pointer): the schema uses '\(key)', which this check does not implement")
        }
        if let reference = keywords["$ref"]?.stringValue {
            // Only annotations may stand beside a $ref here, so the referenced schema decides alone.
            for key in keywords.keys where Self.keywords.contains(key) && key != "$ref" {
                found.append("\(pointer): the schema uses '\(key)' beside $ref, which this check does not implement")
            }
            guard let target = resolve(reference) else { return found + ["\(pointer): unknown $ref \(reference)"] }
            return found + problems(value, against: target, at: pointer)
        }
        if let type = keywords["type"]?.stringValue, !Self.value(value, is: type) {
            return found + ["\(pointer): \(value.typeName) where the schema asks for \(type)"]
        }
        if let allowed = keywords["enum"]?.arrayValue, !allowed.contains(value) {
            found.append("\(pointer): \(value.compactText) is not one of \(JSONValue.array(allowed).compactText)")
        }
        if let constant = keywords["const"], constant != value {
            found.append("\(pointer): \(value.compactText) is not \(constant.compactText)")
        }
        if case .number(let minimum) = keywords["minimum"], case .number(let number) = value, number < minimum {
            found.append("\(pointer): \(number) is below the minimum \(minimum)")
        }
        if let pattern = keywords["pattern"]?.stringValue, let text = value.stringValue,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(pointer): '\(text)' does not match \(pattern)")
        }
        if let elements = value.arrayValue, let items = keywords["items"] {
            for (index, element) in elements.enumerated() {
                found += problems(element, against: items, at: "\(pointer)/\(index)")
            }
        }
        if let object = value.objectValue { found += memberProblems(object, keywords, at: pointer) }
        return found
    }

    private func memberProblems(_ object: JSONObject, _ keywords: JSONObject, at pointer: String) -> [String] {
        var found: [String] = []
        for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
            found.append("\(pointer): the required member '\(name)' is missing")
        }
        let declared = keywords["properties"]?.objectValue
        for member in object.members {
            let memberPointer =
                pointer + "/"
                + member.key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            if let schema = declared?[member.key] {
                found += problems(member.value, against: schema, at: memberPointer)
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) {
                    found.append("\(memberPointer): the schema allows no member '\(member.key)' here")
                } else if additional.objectValue != nil {
                    found += problems(member.value, against: additional, at: memberPointer)
                }
            } else if closed {
                found.append("\(memberPointer): a member the schema does not describe")
            }
        }
        return found
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for token in reference.dropFirst(2).split(separator: "/") {
            guard let next = node.objectValue?[String(token)] else { return nil }
            node = next
        }
        return node
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("integer", .number(let number)): number.rounded() == number
        default: value.typeName == type
        }
    }
}
