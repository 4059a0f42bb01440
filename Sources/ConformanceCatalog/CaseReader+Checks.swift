import ConformanceJSON
import ConformanceReport
import Foundation

/// Reading the `expect:` of a step: checks, presets, statuses, goldens, captures, alternatives and notifications.
extension CaseReader {
    /// The fields that name a check's kind: exactly one per check.
    package static let checkKinds = ["status", "body", "golden", "emptyBody", "excludesSecretsOf", "refused"]
    /// Every field a check may have.
    package static let checkFields = checkKinds + ["requirement", "observes", "alternatives"]

    package mutating func readChecks(_ node: YAMLValue, operation: String) throws(InputFileError) -> [Check] {
        let entries: [YAMLValue]
        if case .sequence(let list) = node.kind { entries = list } else { entries = [node] }
        var checks: [Check] = []
        for entry in entries {
            if let (preset, argument) = try presetCall(entry) {
                checks += try readChecks(PresetArgument.apply(argument, to: preset, at: entry), operation: operation)
            } else {
                checks.append(try readCheck(entry, operation: operation, alternativesAllowed: true))
            }
        }
        return checks
    }

    /// The preset an expectation names, with its argument: `NAME`, or `{NAME: ARGUMENT}` for a preset that
    /// takes one. Anything else is a check.
    package func presetCall(_ entry: YAMLValue) throws(InputFileError) -> (preset: YAMLValue, argument: YAMLValue?)? {
        switch entry.kind {
        case .scalar(let name, _):
            guard let preset = presets[name] else {
                throw entry.error(
                    "unknown preset '\(name)' (presets: \(presets.keys.sorted().joined(separator: ", ")))"
                )
            }
            return (preset, nil)
        case .mapping(let pairs):
            guard pairs.count == 1, let preset = presets[pairs[0].key], case .scalar = pairs[0].value.kind else {
                return nil
            }
            return (preset, pairs[0].value)
        case .sequence:
            return nil
        }
    }

    /// One check; `alternatives:` (other answers the document allows) only where `alternativesAllowed`, since an
    /// alternative's own `expect:` is a check without any.
    package mutating func readCheck(_ node: YAMLValue, operation: String, alternativesAllowed: Bool)
        throws(InputFileError) -> Check
    {
        let fields = try node.mapping("a check")
        let kindNames = Self.checkKinds
        try fields.rejectUnknownFields(
            kindNames + ["requirement", "observes"] + (alternativesAllowed ? ["alternatives"] : [])
        )
        let kinds = kindNames.filter { fields[$0] != nil }
        guard kinds.count == 1 else {
            throw node.error(
                "a check needs exactly one of \(kindNames.joined(separator: ", ")); found \(kinds)"
            )
        }
        let kind: CheckKind
        switch kinds[0] {
        case "status": kind = .status(try status(fields.required("status")))
        case "body":
            let pattern = try fields.required("body").json
            try validatePattern(pattern, at: fields.required("body"))
            kind = .body(pattern: pattern, source: nil)
        case "golden": kind = try golden(fields.required("golden"))
        case "excludesSecretsOf": kind = .excludesSecretsOf(try role(fields.required("excludesSecretsOf")))
        case "refused":
            kind = .refused(try fields.required("refused").boolean("refused"))
        default: kind = .emptyBody
        }
        var alternatives: [CheckAlternative] = []
        for entry in try alternativeEntries(fields["alternatives"], of: "a check") {
            let alternative = try readCheck(entry.expect, operation: operation, alternativesAllowed: false)
            if alternative.observes != nil {
                throw entry.expect.error("observes goes on the alternative itself, beside its note")
            }
            alternatives.append(
                CheckAlternative(
                    kind: alternative.kind, match: nil, agents: nil, requirement: alternative.requirement,
                    note: entry.note, observes: entry.observes))
        }
        return Check(
            kind: kind,
            requirement: try requirementID(fields.required("requirement"), operation: operation),
            alternatives: alternatives,
            observes: try observation(fields["observes"]),
            line: node.line
        )
    }

    package func requirementID(_ node: YAMLValue, operation: String) throws(InputFileError) -> String {
        try node.string("requirement").replacingOccurrences(
            of: PresetArgument.operationMacro, with: operation.uppercased())
    }

    package func status(_ node: YAMLValue) throws(InputFileError) -> StatusExpectation {
        if case .scalar(let text, _) = node.kind, text.count == 3, text.hasSuffix("xx"),
            let family = Int(text.prefix(1))
        {
            return .family(family)
        }
        if case .scalar(let text, _) = node.kind, text.count == 4, text.hasPrefix("!"), text.hasSuffix("xx"),
            let family = Int(text.dropFirst().prefix(1))
        {
            return .notFamily(family)
        }
        var codes: [Int] = []
        if case .sequence(let elements) = node.kind {
            for element in elements { codes.append(try element.integer("status")) }
        } else {
            codes = [try node.integer("status (a code, a list of codes, or a class like 4xx)")]
        }
        guard codes.allSatisfy({ (100...599).contains($0) }) else {
            throw node.error("status codes run from 100 to 599")
        }
        return .exactly(codes)
    }

    package mutating func golden(_ node: YAMLValue) throws(InputFileError) -> CheckKind {
        let relative = try node.string("golden")
        let path = (goldenRoot as NSString).appendingPathComponent(relative)
        if goldens[relative] == nil {
            guard let data = FileManager.default.contents(atPath: path) else {
                if allowMissingGoldens { return .body(pattern: "$any", source: relative) }
                throw node.error("golden file '\(relative)' does not exist under \(goldenRoot)")
            }
            do {
                goldens[relative] = try JSONValue(parsing: data)
            } catch {
                throw InputFileError(file: path, line: error.line, message: error.description)
            }
        }
        let pattern = goldens[relative] ?? .null
        try validatePattern(pattern, at: node)
        return .body(pattern: pattern, source: relative)
    }

    package func validatePattern(_ value: JSONValue, at node: YAMLValue) throws(InputFileError) {
        do {
            _ = try JSONPattern(reading: Template.fillPlaceholders(value))
        } catch {
            throw node.error(error.description)
        }
    }

    package func readCaptures(_ node: YAMLValue?) throws(InputFileError) -> [(name: String, pointer: JSONPointer)] {
        guard let node else { return [] }
        let fields = try node.mapping("capture")
        var captures: [(name: String, pointer: JSONPointer)] = []
        for key in fields.keys {
            let text = try fields.required(key).string("capture.\(key)")
            guard let pointer = JSONPointer(text) else {
                throw try fields.required(key).error("capture.\(key) '\(text)' is not a JSON Pointer like /uris/0")
            }
            captures.append((key, pointer))
        }
        return captures
    }

    package func readNotification(_ node: YAMLValue, operation: String) throws(InputFileError)
        -> NotificationExpectation
    {
        let fields = try node.mapping("a notification")
        try fields.rejectUnknownFields(["agent", "match", "requirement", "alternatives", "observes", "since"])
        let sinceStep = try fields.keyword(
            "since", "step", meaning: "only messages after the last step that can cause one")
        let agents = try agentRoles(fields.required("agent"))
        let match = try fields.required("match").json
        try validatePattern(match, at: fields.required("match"))
        var alternatives: [CheckAlternative] = []
        for entry in try alternativeEntries(fields["alternatives"], of: "a notification") {
            let expect = try entry.expect.mapping("the expect of a notification's alternative")
            try expect.rejectUnknownFields(["agent", "match", "requirement"])
            let match = try expect.required("match").json
            try validatePattern(match, at: expect.required("match"))
            alternatives.append(
                CheckAlternative(
                    kind: nil,
                    match: match,
                    agents: try expect["agent"].map { node throws(InputFileError) in try agentRoles(node) },
                    requirement: try expect["requirement"].map { node throws(InputFileError) in
                        try requirementID(node, operation: operation)
                    },
                    note: entry.note,
                    observes: entry.observes
                )
            )
        }
        return NotificationExpectation(
            agents: agents,
            match: match,
            requirement: try requirementID(fields.required("requirement"), operation: operation),
            alternatives: alternatives,
            observes: try observation(fields["observes"]),
            sinceStep: sinceStep,
            line: node.line
        )
    }
}
