import ConformanceJSON
import Yams

/// A YAML node converted to plain values, remembering the file and line it came from so that every
/// complaint about a catalog or profile can point at the spot.
package struct YAMLValue: Sendable {
    package enum Kind: Sendable {
        case scalar(String, quoted: Bool)
        case sequence([YAMLValue])
        case mapping([(key: String, value: YAMLValue)])
    }

    package var kind: Kind
    package var file: String
    package var line: Int?

    package init(kind: Kind, file: String, line: Int?) {
        self.kind = kind
        self.file = file
        self.line = line
    }

    /// Parses one YAML document; an empty document is an empty mapping.
    package static func parse(_ text: String, file: String) throws(InputFileError) -> YAMLValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputFileError(
                file: file, line: Self.errorLine(of: error), message: "not valid YAML: \(Self.errorProblem(of: error))")
        } catch {
            throw InputFileError(file: file, message: "not valid YAML: \(error)")
        }
        guard let node else { return YAMLValue(kind: .mapping([]), file: file, line: 1) }
        return try YAMLValue(node, file: file)
    }

    private init(_ node: Node, file: String) throws(InputFileError) {
        self.file = file
        self.line = node.mark?.line
        switch node {
        case .scalar(let scalar):
            kind = .scalar(scalar.string, quoted: scalar.style != .plain)
        case .sequence(let sequence):
            var elements: [YAMLValue] = []
            for element in sequence { elements.append(try YAMLValue(element, file: file)) }
            kind = .sequence(elements)
        case .mapping(let mapping):
            var pairs: [(key: String, value: YAMLValue)] = []
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    throw InputFileError(
                        file: file, line: key.mark?.line, message: "mapping keys must be plain strings")
                }
                if pairs.contains(where: { $0.key == scalar.string }) {
                    throw InputFileError(file: file, line: key.mark?.line, message: "duplicate key '\(scalar.string)'")
                }
                pairs.append((scalar.string, try YAMLValue(value, file: file)))
            }
            kind = .mapping(pairs)
        case .alias:
            throw InputFileError(file: file, line: node.mark?.line, message: "YAML aliases are not supported here")
        }
    }

    private static func errorLine(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func errorProblem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        default: "\(error)"
        }
    }

    package func error(_ message: String) -> InputFileError {
        InputFileError(file: file, line: line, message: message)
    }

    package var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The scalar's text, for fields that must be strings.
    package func string(_ what: String) throws(InputFileError) -> String {
        guard case .scalar(let text, _) = kind else { throw error("\(what) must be a string, found \(kindName)") }
        return text
    }

    /// `true` or `false`, written plain or quoted.
    package func boolean(_ what: String) throws(InputFileError) -> Bool {
        switch try string(what) {
        case "true": return true
        case "false": return false
        default: throw error("\(what) must be true or false")
        }
    }

    package func integer(_ what: String) throws(InputFileError) -> Int {
        guard case .scalar(let text, false) = kind, let value = Int(text) else {
            throw error("\(what) must be an integer")
        }
        return value
    }

    package func list(_ what: String) throws(InputFileError) -> [YAMLValue] {
        guard case .sequence(let elements) = kind else { throw error("\(what) must be a list, found \(kindName)") }
        return elements
    }

    /// A list of strings; a single string counts as a list of one.
    package func strings(_ what: String) throws(InputFileError) -> [String] {
        if case .scalar(let text, _) = kind { return [text] }
        var result: [String] = []
        for element in try list(what) { result.append(try element.string("each entry of \(what)")) }
        return result
    }

    package func mapping(_ what: String) throws(InputFileError) -> YAMLMapping {
        guard case .mapping(let pairs) = kind else { throw error("\(what) must be a mapping, found \(kindName)") }
        return YAMLMapping(pairs: pairs, owner: self, what: what)
    }

    /// The value as JSON, with YAML 1.2 core-schema resolution of plain scalars.
    package var json: JSONValue {
        switch kind {
        case .scalar(let text, let quoted):
            if quoted { return .string(text) }
            switch text {
            case "null", "~", "": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            default:
                if let number = Double(text), text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" }) == true {
                    return .number(number)
                }
                return .string(text)
            }
        case .sequence(let elements):
            return .array(elements.map(\.json))
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { JSONObject.Member(key: $0.key, value: $0.value.json) }))
        }
    }
}

/// Reads the fields of one YAML mapping and refuses the ones nobody asked for.
package struct YAMLMapping {
    package let pairs: [(key: String, value: YAMLValue)]
    package let owner: YAMLValue
    package let what: String

    package var keys: [String] { pairs.map(\.key) }

    package subscript(key: String) -> YAMLValue? {
        pairs.first { $0.key == key }?.value
    }

    package func required(_ key: String) throws(InputFileError) -> YAMLValue {
        guard let value = self[key] else { throw owner.error("\(what) is missing the field '\(key)'") }
        return value
    }

    /// A field that may only hold one word (`since: step`): false when it is absent, true when it holds `word`.
    package func keyword(_ key: String, _ word: String, meaning: String) throws(InputFileError) -> Bool {
        guard let value = self[key] else { return false }
        guard try value.string(key) == word else { throw value.error("\(key) may only be '\(word)' (\(meaning))") }
        return true
    }

    /// Fails on the first field that is not in `known`, listing the known ones.
    package func rejectUnknownFields(_ known: [String]) throws(InputFileError) {
        for pair in pairs where !known.contains(pair.key) {
            throw pair.value.error(
                "unknown field '\(pair.key)' in \(what) (known fields: \(known.joined(separator: ", ")))"
            )
        }
    }
}
