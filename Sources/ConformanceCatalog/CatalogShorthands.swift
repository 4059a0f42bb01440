/// The catalog's shorthands for steps, expanded on the YAML of a case before it is read, so that the reader and
/// everything after it see plain steps:
///
/// - a named set-up of `specs/setups.yaml`, as the whole of `given:` (`given: accepted`) or as an element of a
///   step list (`- invited`, `- accepted: {agent: agent2, as: ix2}`); its `<parameter>`s are replaced by the
///   arguments or the file's defaults;
/// - `perform: {as: ROLE, ...}`, a `POST /me/interactions/{id}` of an operation (see `PerformStep`).
///
/// Expanded steps carry the file and line of the shorthand that produced them, so problems point at the case.
package struct CatalogShorthands: Sendable {
    /// Named step lists, by name.
    package var setups: [String: YAMLValue]
    /// The parameters a set-up may take and their defaults, in the file's order.
    package var defaults: [(key: String, value: YAMLValue)]

    package static let none = CatalogShorthands(setups: [:], defaults: [])

    /// How deep set-ups may name other set-ups; deeper means a set-up names itself.
    private static let maximumDepth = 8

    /// The case with its `given:` and `steps:` expanded.
    package func expandCase(_ node: YAMLValue, operation: String) throws(InputFileError) -> YAMLValue {
        guard case .mapping(let pairs) = node.kind else { return node }
        var expanded: [(key: String, value: YAMLValue)] = []
        for pair in pairs {
            if pair.key == "given" || pair.key == "steps" {
                expanded.append((pair.key, try expandSteps(pair.value, operation: operation)))
            } else {
                expanded.append(pair)
            }
        }
        return YAMLValue(kind: .mapping(expanded), file: node.file, line: node.line)
    }

    /// A `given:` or `steps:` value (a list, or one set-up: `accepted`, `{accepted: {as: ix2}}`) as a plain list
    /// of steps.
    package func expandSteps(_ node: YAMLValue, operation: String) throws(InputFileError) -> YAMLValue {
        let elements: [YAMLValue]
        if case .sequence(let list) = node.kind { elements = list } else { elements = [node] }
        var steps: [YAMLValue] = []
        for element in elements {
            steps += try expand(element, operation: operation, inherited: nil, depth: 0)
        }
        return YAMLValue(kind: .sequence(steps), file: node.file, line: node.line)
    }

    /// One step element: a set-up becomes its steps (a set-up named inside another gets that one's values,
    /// `inherited`, unless it is given its own), a `perform:` its request, anything else stays.
    private func expand(
        _ element: YAMLValue,
        operation: String,
        inherited: [String: YAMLValue]?,
        depth: Int
    ) throws(InputFileError) -> [YAMLValue] {
        guard let (name, arguments) = try fixtureReference(element) else {
            return [try PerformStep.expand(element, operation: operation)]
        }
        guard depth < Self.maximumDepth else {
            throw element.error("set-up '\(name)' names itself, directly or through other set-ups")
        }
        guard let body = setups[name] else { throw element.error("unknown set-up '\(name)'") }
        let values = try parameterValues(arguments, for: name, over: inherited)
        var steps: [YAMLValue] = []
        for step in try body.list("set-up \(name)") {
            let substituted = try Self.substitute(values, in: step).restamped(file: element.file, line: element.line)
            steps += try expand(substituted, operation: operation, inherited: values, depth: depth + 1)
        }
        return steps
    }

    /// The set-up a step element names, with its arguments: `name` or `{name: {parameter: value}}`.
    private func fixtureReference(_ element: YAMLValue) throws(InputFileError) -> (String, YAMLValue?)? {
        switch element.kind {
        case .scalar(let name, _):
            guard setups[name] != nil else {
                throw element.error(
                    "unknown set-up '\(name)' (set-ups: \(setups.keys.sorted().joined(separator: ", ")))")
            }
            return (name, nil)
        case .mapping(let pairs):
            guard pairs.count == 1, setups[pairs[0].key] != nil else { return nil }
            return (pairs[0].key, pairs[0].value)
        case .sequence:
            return nil
        }
    }

    /// The inherited values (or the defaults), overridden by the arguments; an argument the set-ups do not take
    /// is an error.
    private func parameterValues(
        _ arguments: YAMLValue?,
        for name: String,
        over inherited: [String: YAMLValue]?
    ) throws(InputFileError) -> [String: YAMLValue] {
        var values: [String: YAMLValue] = [:]
        for (key, value) in defaults { values[key] = value }
        if let inherited { values = inherited }
        guard let arguments, case .mapping = arguments.kind else { return values }
        let known = defaults.map(\.key)
        for (key, value) in try arguments.mapping("the arguments of \(name)").pairs {
            guard known.contains(key) else {
                throw value.error(
                    "set-up '\(name)' takes no parameter '\(key)' (parameters: \(known.joined(separator: ", ")))")
            }
            values[key] = value
        }
        return values
    }

    /// `node` with `<parameter>` replaced: a scalar that is exactly `<p>` becomes the value (of any kind); inside
    /// a longer scalar, the value's text is spliced in.
    package static func substitute(_ values: [String: YAMLValue], in node: YAMLValue) throws(InputFileError)
        -> YAMLValue
    {
        switch node.kind {
        case .scalar(let text, let quoted):
            guard text.contains("<") else { return node }
            for (key, value) in values where text == "<\(key)>" { return value }
            var result = text
            for (key, value) in values where result.contains("<\(key)>") {
                guard case .scalar(let word, _) = value.kind else {
                    throw node.error("parameter '\(key)' is not a string and cannot be part of '\(text)'")
                }
                result = result.replacingOccurrences(of: "<\(key)>", with: word)
            }
            return YAMLValue(kind: .scalar(result, quoted: quoted), file: node.file, line: node.line)
        case .sequence(let elements):
            var substituted: [YAMLValue] = []
            for element in elements { substituted.append(try substitute(values, in: element)) }
            return YAMLValue(kind: .sequence(substituted), file: node.file, line: node.line)
        case .mapping(let pairs):
            var substituted: [(key: String, value: YAMLValue)] = []
            for pair in pairs { substituted.append((pair.key, try substitute(values, in: pair.value))) }
            return YAMLValue(kind: .mapping(substituted), file: node.file, line: node.line)
        }
    }
}

extension CatalogShorthands {
    /// Reads `specs/setups.yaml`: `parameters` (the defaults) and `setups` (named step lists).
    package static func load(_ path: String) throws(InputFileError) -> CatalogShorthands {
        let root = try YAMLValue.parse(Catalog.readText(path), file: path).mapping("setups.yaml")
        try root.rejectUnknownFields(["parameters", "setups"])
        let defaults = try root["parameters"]?.mapping("parameters").pairs ?? []
        var setups: [String: YAMLValue] = [:]
        for (name, steps) in try root.required("setups").mapping("setups").pairs {
            _ = try steps.list("set-up \(name)")
            setups[name] = steps
        }
        return CatalogShorthands(setups: setups, defaults: defaults)
    }
}

extension YAMLValue {
    /// The same value with every node moved to `file` and `line`.
    package func restamped(file: String, line: Int?) -> YAMLValue {
        switch kind {
        case .scalar:
            return YAMLValue(kind: kind, file: file, line: line)
        case .sequence(let elements):
            return YAMLValue(
                kind: .sequence(elements.map { $0.restamped(file: file, line: line) }), file: file, line: line)
        case .mapping(let pairs):
            return YAMLValue(
                kind: .mapping(pairs.map { ($0.key, $0.value.restamped(file: file, line: line)) }), file: file,
                line: line)
        }
    }
}
