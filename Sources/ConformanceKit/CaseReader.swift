import ConformanceJSON
import Foundation

/// Turns the YAML of operation files into cases, expanding presets and loading goldens on the way.
struct CaseReader {
    let presets: [String: YAMLValue]
    let goldenRoot: String
    /// The readings `observes:` may name.
    let readings: [ReadingDefinition]
    /// The named set-ups of `specs/fixtures.yaml` and the `perform:` shorthand.
    var shorthands = CatalogShorthands.none
    /// For `conformance record --mode missing`: a missing golden reads as `$any` instead of failing the load.
    var allowMissingGoldens = false
    private(set) var goldens: [String: JSONValue] = [:]

    init(presets: [String: YAMLValue], goldenRoot: String, readings: [ReadingDefinition] = []) {
        self.presets = presets
        self.goldenRoot = goldenRoot
        self.readings = readings
    }

    /// `observes: NAME=ALTERNATIVE`, naming a reading of `specs/readings.yaml` and one of its alternatives.
    func observation(_ node: YAMLValue?) throws(InputFileError) -> Observation? {
        guard let node else { return nil }
        let text = try node.string("observes")
        guard let observation = Observation(text) else {
            throw node.error("observes '\(text)' must be NAME=ALTERNATIVE, e.g. refusal-status=200")
        }
        guard let reading = readings.first(where: { $0.name == observation.reading }) else {
            throw node.error(
                "observes names unknown reading '\(observation.reading)' (readings.yaml has: "
                    + readings.map(\.name).joined(separator: ", ") + ")"
            )
        }
        guard reading.alternative(observation.alternative) != nil else {
            throw node.error(
                "reading '\(reading.name)' has no alternative '\(observation.alternative)' (alternatives: "
                    + reading.alternatives.map(\.name).joined(separator: ", ") + ")"
            )
        }
        return observation
    }

    /// The cases of one operation file. A problem in one case is kept in `problems` and the other cases are
    /// still read, so a load reports every problem at once.
    mutating func readOperationFile(_ path: String, problems: inout InputProblems) -> [ConformanceCase] {
        let read = problems.attempt { () throws(InputFileError) -> (String, [YAMLValue]) in
            let root = try YAMLValue.parse(Catalog.readText(path), file: path).mapping("an operation file")
            try root.rejectUnknownFields(["operation", "cases", "access"])
            let operation = try root.required("operation").string("operation")
            var nodes = try root.required("cases").list("cases")
            if let access = root["access"] {
                nodes += try AccessCases.cases(from: access, operation: operation)
            }
            return (operation, nodes)
        }
        guard let (operation, nodes) = read else { return [] }
        return nodes.compactMap { node in
            problems.attempt { () throws(InputFileError) in
                try readCase(shorthands.expandCase(node, operation: operation), operation: operation)
            }
        }
    }

    mutating func readCase(_ node: YAMLValue, operation: String) throws(InputFileError) -> ConformanceCase {
        let fields = try node.mapping("a case")
        try fields.rejectUnknownFields(["id", "title", "requirements", "given", "steps"])
        let id = try fields.required("id").string("id")
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) else {
            throw node.error("case id '\(id)' may only contain letters, digits, '-', '.' and '_'")
        }
        let given = try readSteps(fields["given"], operation: operation)
        let steps = try readSteps(fields.required("steps"), operation: operation)
        var requirements = try fields["requirements"]?.strings("requirements") ?? []
        for requirement in (given + steps).flatMap(\.requirements) where !requirements.contains(requirement) {
            requirements.append(requirement)
        }
        var testCase = ConformanceCase(
            id: id,
            operation: operation,
            title: try fields.required("title").string("title"),
            requirements: requirements,
            given: given,
            steps: steps,
            file: node.file,
            line: node.line,
            agentsNeeded: max(1, AgentReferences.highest(in: node))
        )
        testCase.digest = CaseDigest.sha256(operation: operation, node: node, presets: presets, goldens: goldens)
        return testCase
    }

    mutating func readSteps(_ node: YAMLValue?, operation: String) throws(InputFileError) -> [Step] {
        guard let node else { return [] }
        var steps: [Step] = []
        for element in try node.list("steps") { steps.append(try readStep(element, operation: operation)) }
        return steps
    }

    mutating func readStep(_ node: YAMLValue, operation: String) throws(InputFileError) -> Step {
        let fields = try node.mapping("a step")
        if let create = fields["createInteraction"] {
            try fields.rejectUnknownFields(["createInteraction"])
            let spec = try create.mapping("createInteraction")
            try spec.rejectUnknownFields(["agent", "mediaType", "properties", "as"])
            return .createInteraction(
                CreateInteractionStep(
                    agent: try role(spec.required("agent")),
                    mediaType: try spec["mediaType"]?.string("mediaType"),
                    properties: spec["properties"]?.json ?? .object(JSONObject()),
                    bindAs: try spec.required("as").string("as"),
                    line: node.line
                )
            )
        }
        if let request = fields["request"] {
            try fields.rejectUnknownFields(
                ["request", "expect", "capture", "fallback", "retry", "observes", "alternatives", "deadline"])
            let notificationDeadline = try fields.keyword(
                "deadline", "notification", meaning: "wait as long as for a notification")
            let template = try readRequest(request)
            // ${OPERATION} in presets names the operation the request performs, whatever file it is in.
            let performed = template.body?["operationName"]?.stringValue ?? operation
            return .request(
                RequestStep(
                    request: template,
                    checks: try readChecks(fields.required("expect"), operation: performed),
                    captures: try readCaptures(fields["capture"]),
                    fallback: try readFallback(fields["fallback"], operation: operation),
                    retries: try fields["retry"]?.integer("retry") ?? 0,
                    notificationDeadline: notificationDeadline,
                    observes: try observation(fields["observes"]),
                    alternatives: try readAlternatives(fields["alternatives"], operation: performed),
                    line: node.line
                )
            )
        }
        for key in ["notification", "noNotification"] {
            guard let spec = fields[key] else { continue }
            try fields.rejectUnknownFields([key])
            let expectation = try readNotification(spec, operation: operation)
            return key == "notification" ? .notification(expectation) : .noNotification(expectation)
        }
        throw node.error(
            "a step needs one of createInteraction, request, notification, noNotification; found \(fields.keys)"
        )
    }

    /// `alternatives: [{observes: NAME=ALT, body: {...}}, {observes: NAME=ALT, expect: [...]}]`.
    mutating func readAlternatives(_ node: YAMLValue?, operation: String) throws(InputFileError) -> [StepAlternative] {
        guard let node else { return [] }
        var alternatives: [StepAlternative] = []
        for element in try node.list("alternatives") {
            let fields = try element.mapping("an alternative")
            try fields.rejectUnknownFields(["observes", "body", "path", "expect"])
            guard fields["body"] != nil || fields["path"] != nil || fields["expect"] != nil else {
                throw element.error(
                    "an alternative needs a body or path to send instead, an expect to judge by, or both")
            }
            alternatives.append(
                StepAlternative(
                    observes: try observation(fields["observes"]),
                    body: fields["body"]?.json,
                    path: try fields["path"]?.string("path"),
                    checks: try fields["expect"].map { node throws(InputFileError) in
                        try readChecks(node, operation: operation)
                    },
                    line: element.line
                )
            )
        }
        return alternatives
    }

    func role(_ node: YAMLValue) throws(InputFileError) -> String {
        let text = try node.string("a role")
        guard Roles.isKnown(text) else {
            throw node.error("unknown role '\(text)' (roles: agent1, agent2, agent3, admin)")
        }
        return text
    }

    func agentRoles(_ node: YAMLValue) throws(InputFileError) -> [String] {
        var agents: [String] = []
        for name in try node.strings("agent") {
            guard Roles.isKnown(name), name != "admin" else {
                throw node.error("'\(name)' is not an agent role (agent1, agent2, agent3)")
            }
            agents.append(name)
        }
        return agents
    }

    func readRequest(_ node: YAMLValue) throws(InputFileError) -> RequestTemplate {
        let fields = try node.mapping("request")
        try fields.rejectUnknownFields(["as", "method", "path", "body", "rawBody", "password"])
        let credentials: Credentials
        let asNode = try fields.required("as")
        if try asNode.string("as") == "nobody" {
            credentials = .none
        } else if let password = fields["password"] {
            guard try password.string("password") == "wrong" else {
                throw password.error("password may only be 'wrong' (to send the role's username with a wrong password)")
            }
            credentials = .wrongPassword(try role(asNode))
        } else {
            credentials = .role(try role(asNode))
        }
        let method = try fields["method"]?.string("method").uppercased() ?? "GET"
        guard ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(method) else {
            throw fields["method"]!.error("method '\(method)' is not one of GET, POST, PUT, DELETE, PATCH")
        }
        let path = try fields.required("path").string("path")
        guard path.hasPrefix("/") || path.hasPrefix("${") else {
            throw try fields.required("path").error(
                "path must start with '/' (or be a ${...} URL such as ${notificationsURL})")
        }
        return RequestTemplate(
            credentials: credentials,
            method: method,
            path: path,
            body: fields["body"]?.json,
            rawBody: try fields["rawBody"]?.string("rawBody")
        )
    }

    mutating func readChecks(_ node: YAMLValue, operation: String) throws(InputFileError) -> [Check] {
        let entries: [YAMLValue]
        if case .sequence(let list) = node.kind { entries = list } else { entries = [node] }
        var checks: [Check] = []
        for entry in entries {
            if let (preset, argument) = try presetCall(entry) {
                checks += try readChecks(PresetArgument.apply(argument, to: preset, at: entry), operation: operation)
            } else {
                checks.append(try readCheck(entry, operation: operation, readingAllowed: true))
            }
        }
        return checks
    }

    /// The preset an expectation names, with its argument: `NAME`, or `{NAME: ARGUMENT}` for a preset that
    /// takes one. Anything else is a check.
    func presetCall(_ entry: YAMLValue) throws(InputFileError) -> (preset: YAMLValue, argument: YAMLValue?)? {
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

    mutating func readCheck(_ node: YAMLValue, operation: String, readingAllowed: Bool) throws(InputFileError) -> Check
    {
        let fields = try node.mapping("a check")
        let kindNames = ["status", "body", "golden", "emptyBody", "excludesSecretsOf", "refused"]
        try fields.rejectUnknownFields(
            kindNames + ["requirement", "observes"] + (readingAllowed ? ["readings"] : ["note"])
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
        var readings: [Reading] = []
        if let readingNodes = fields["readings"] {
            for readingNode in try readingNodes.list("readings") {
                let reading = try readCheck(readingNode, operation: operation, readingAllowed: false)
                let readingFields = try readingNode.mapping("a reading")
                readings.append(
                    Reading(
                        kind: reading.kind,
                        match: nil,
                        agents: nil,
                        requirement: reading.requirement,
                        note: try readingFields.required("note").string("note"),
                        observes: reading.observes
                    )
                )
            }
        }
        return Check(
            kind: kind,
            requirement: try requirementID(fields.required("requirement"), operation: operation),
            readings: readings,
            observes: try observation(fields["observes"]),
            line: node.line
        )
    }

    func requirementID(_ node: YAMLValue, operation: String) throws(InputFileError) -> String {
        try node.string("requirement").replacingOccurrences(of: "${OPERATION}", with: operation.uppercased())
    }

    func status(_ node: YAMLValue) throws(InputFileError) -> StatusExpectation {
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

    mutating func golden(_ node: YAMLValue) throws(InputFileError) -> CheckKind {
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

    func validatePattern(_ value: JSONValue, at node: YAMLValue) throws(InputFileError) {
        do {
            _ = try JSONPattern(reading: Template.fillPlaceholders(value))
        } catch {
            throw node.error(error.description)
        }
    }

    func readCaptures(_ node: YAMLValue?) throws(InputFileError) -> [(name: String, pointer: JSONPointer)] {
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

    func readFallback(_ node: YAMLValue?, operation: String) throws(InputFileError) -> Fallback? {
        guard let node else { return nil }
        let fields = try node.mapping("fallback")
        try fields.rejectUnknownFields(["body", "requirement", "message"])
        return Fallback(
            body: try fields.required("body").json,
            requirement: try requirementID(fields.required("requirement"), operation: operation),
            message: try fields.required("message").string("message")
        )
    }

    func readNotification(_ node: YAMLValue, operation: String) throws(InputFileError) -> NotificationExpectation {
        let fields = try node.mapping("a notification")
        try fields.rejectUnknownFields(["agent", "match", "requirement", "readings", "observes", "since"])
        let sinceStep = try fields.keyword(
            "since", "step", meaning: "only messages after the last step that can cause one")
        let agents = try agentRoles(fields.required("agent"))
        let match = try fields.required("match").json
        try validatePattern(match, at: fields.required("match"))
        var readings: [Reading] = []
        if let readingNodes = fields["readings"] {
            for readingNode in try readingNodes.list("readings") {
                let reading = try readingNode.mapping("a reading")
                try reading.rejectUnknownFields(["agent", "match", "requirement", "note", "observes"])
                let alternative = try reading.required("match").json
                try validatePattern(alternative, at: reading.required("match"))
                readings.append(
                    Reading(
                        kind: nil,
                        match: alternative,
                        agents: try reading["agent"].map { node throws(InputFileError) in try agentRoles(node) },
                        requirement: try reading["requirement"].map { node throws(InputFileError) in
                            try requirementID(node, operation: operation)
                        },
                        note: try reading.required("note").string("note"),
                        observes: try observation(reading["observes"])
                    )
                )
            }
        }
        return NotificationExpectation(
            agents: agents,
            match: match,
            requirement: try requirementID(fields.required("requirement"), operation: operation),
            readings: readings,
            observes: try observation(fields["observes"]),
            sinceStep: sinceStep,
            line: node.line
        )
    }
}
