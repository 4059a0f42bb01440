import ConformanceJSON
import Foundation

/// Checks a JSON document against the subset of JSON Schema (2020-12) that `docs/report-schema.json` and the
/// schemas of `docs/schemas/` use: `type` (a name or a list of names), `required`, `properties`,
/// `additionalProperties`, `items`, `minItems`, `enum`, `const`, `minimum`, `pattern`, `anyOf`, `oneOf` (exactly one)
/// and local `$ref`s. A keyword outside that subset is itself a problem, wherever it stands in the schema (in an
/// `anyOf` branch the document never takes too), so the check never skips part of a schema.
///
/// With `closed`, an object member the schema does not declare is a problem too: the report may not write a
/// member its published schema does not describe.
public struct JSONSchemaCheck {
    public let root: JSONValue
    public var closed = false

    public init(root: JSONValue, closed: Bool = false) {
        self.root = root
        self.closed = closed
    }

    public static let annotations: Set<String> = ["$schema", "$defs", "title", "description"]
    public static let keywords: Set<String> = [
        "type", "required", "properties", "additionalProperties", "items", "minItems", "enum", "const", "minimum",
        "pattern", "anyOf", "oneOf", "$ref",
    ]
    public static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]

    /// Every problem, as `POINTER: what is wrong`: first the schema's own (at `#/...`), then the document's.
    public func problems(in value: JSONValue) -> [String] {
        schemaProblems(root, at: "#") + problems(value, against: root, at: "")
    }

    /// What the check cannot read in the schema, at every subschema whether or not a document reaches it.
    private func schemaProblems(_ schema: JSONValue, at location: String) -> [String] {
        guard let keywords = schema.objectValue else { return ["\(location): the schema there is not an object"] }
        var found: [String] = []
        for key in keywords.keys where !Self.annotations.contains(key) && !Self.keywords.contains(key) {
            found.append("\(location): the schema uses '\(key)', which this check does not implement")
        }
        if let reference = keywords["$ref"] {
            // Only annotations may stand beside a $ref here, so the referenced schema decides alone.
            for key in keywords.keys where Self.keywords.contains(key) && key != "$ref" {
                found.append("\(location): the schema uses '\(key)' beside $ref, which this check does not implement")
            }
            let target = reference.stringValue.flatMap { resolve($0) }
            if target == nil {
                found.append("\(location): unknown $ref \(reference.compactText)")
            }
        }
        if let type = keywords["type"] {
            let names = Self.names(type) ?? []
            let known = names.allSatisfy { Self.typeNames.contains($0) }
            if names.isEmpty || !known {
                found.append("\(location): the type \(type.compactText) is not a type name or a list of them")
            }
        }
        for container in ["$defs", "properties"] {
            for member in keywords[container]?.objectValue ?? JSONObject() {
                found += schemaProblems(member.value, at: "\(location)/\(container)/\(Self.escaped(member.key))")
            }
        }
        for combinator in ["anyOf", "oneOf"] {
            guard let branches = keywords[combinator] else { continue }
            guard let list = branches.arrayValue, !list.isEmpty else {
                found.append("\(location)/\(combinator): not a non-empty list of schemas")
                continue
            }
            for (index, branch) in list.enumerated() {
                found += schemaProblems(branch, at: "\(location)/\(combinator)/\(index)")
            }
        }
        if let items = keywords["items"] { found += schemaProblems(items, at: "\(location)/items") }
        if let additional = keywords["additionalProperties"], additional.boolValue == nil {
            found += schemaProblems(additional, at: "\(location)/additionalProperties")
        }
        return found
    }

    /// What is wrong with the document; the schema's own problems were reported by `schemaProblems`.
    private func problems(_ value: JSONValue, against schema: JSONValue, at pointer: String) -> [String] {
        guard let keywords = schema.objectValue else { return [] }
        if let reference = keywords["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return [] }
            return problems(value, against: target, at: pointer)
        }
        if let types = keywords["type"].flatMap(Self.names), !types.contains(where: { Self.value(value, is: $0) }) {
            return ["\(pointer): \(value.typeName) where the schema asks for \(types.joined(separator: " or "))"]
        }
        var found: [String] = []
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
        if let elements = value.arrayValue {
            if case .number(let minimum) = keywords["minItems"], Double(elements.count) < minimum {
                found.append("\(pointer): \(elements.count) items where the schema asks for at least \(Int(minimum))")
            }
            if let items = keywords["items"] {
                for (index, element) in elements.enumerated() {
                    found += problems(element, against: items, at: "\(pointer)/\(index)")
                }
            }
        }
        if let object = value.objectValue { found += memberProblems(object, keywords, at: pointer) }
        return found + combinationProblems(value, keywords, at: pointer)
    }

    /// `anyOf`: at least one branch holds; `oneOf`: exactly one does. When none holds, the problem quotes the
    /// branch that came closest (the fewest problems), which is usually the one the author meant.
    private func combinationProblems(_ value: JSONValue, _ keywords: JSONObject, at pointer: String) -> [String] {
        var found: [String] = []
        for combinator in ["anyOf", "oneOf"] {
            guard let branches = keywords[combinator]?.arrayValue, !branches.isEmpty else { continue }
            let results = branches.map { problems(value, against: $0, at: pointer) }
            let holding = results.filter(\.isEmpty).count
            if holding == 0 {
                let closest = results.min { $0.count < $1.count } ?? []
                found.append(
                    "\(pointer): matches none of the \(branches.count) \(combinator) alternatives; the closest fails "
                        + "with: \(closest.joined(separator: "; "))")
            } else if combinator == "oneOf", holding > 1 {
                found.append("\(pointer): matches \(holding) of the oneOf alternatives, where exactly one must match")
            }
        }
        return found
    }

    private func memberProblems(_ object: JSONObject, _ keywords: JSONObject, at pointer: String) -> [String] {
        var found: [String] = []
        for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
            found.append("\(pointer): the required member '\(name)' is missing")
        }
        let declared = keywords["properties"]?.objectValue
        for member in object.members {
            let memberPointer = pointer + "/" + Self.escaped(member.key)
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

    /// The type names of a `type`: one name, or a list of them.
    private static func names(_ type: JSONValue) -> [String]? {
        switch type {
        case .string(let name): [name]
        case .array(let names): names.allSatisfy { $0.stringValue != nil } ? names.compactMap(\.stringValue) : nil
        default: nil
        }
    }

    /// A member name as a JSON Pointer token.
    private static func escaped(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("integer", .number(let number)): number.rounded() == number
        default: value.typeName == type
        }
    }
}
