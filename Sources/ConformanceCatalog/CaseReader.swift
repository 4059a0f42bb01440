import ConformanceJSON
import ConformanceReport
import Foundation

/// Turns the YAML of operation files into cases, expanding presets and loading goldens on the way.
package struct CaseReader {
    package let presets: [String: YAMLValue]
    /// The named alternatives of `specs/presets.yaml`, which a step's `alternatives:` may name.
    package var alternativePresets: [String: YAMLValue] = [:]
    package let goldenRoot: String
    /// The readings `observes:` may name.
    package let readings: [ReadingDefinition]
    /// The named set-ups of `specs/setups.yaml` and the `perform:` shorthand.
    package var shorthands = CatalogShorthands.none
    /// For `conformance record --mode missing`: a missing golden reads as `$any` instead of failing the load.
    package var allowMissingGoldens = false
    /// The goldens read so far, by path under the golden directory.
    package var goldens: [String: JSONValue] = [:]

    package init(presets: [String: YAMLValue], goldenRoot: String, readings: [ReadingDefinition] = []) {
        self.presets = presets
        self.goldenRoot = goldenRoot
        self.readings = readings
    }

    /// `observes: NAME=ALTERNATIVE`, naming a reading of `specs/readings.yaml` and one of its alternatives.
    package func observation(_ node: YAMLValue?) throws(InputFileError) -> Observation? {
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
    package mutating func readOperationFile(_ path: String, problems: inout InputProblems) -> [ConformanceCase] {
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

    /// The requirement the runner checks around every refusal of a case that has an interaction.
    package static let unchangedRequirement = "ERROR-NO-CHANGE"
    /// What every `refused` check also judges: never a 5xx, and (for `refused: true`) a 4xx rather than a 200.
    package static let serverErrorRequirement = "ERROR-NOT-5XX"
    package static let refusalStatusRequirement = "ERROR-HTTP-4XX"
    /// Every requirement a case may be judged on without citing it.
    package static let implicitRequirementIds = [
        unchangedRequirement, serverErrorRequirement, refusalStatusRequirement,
    ]

    /// The requirements the steps are judged on without citing them: ERROR-NO-CHANGE where the runner proves a
    /// refusal changed nothing; ERROR-NOT-5XX where a check asks whether the request was refused; ERROR-HTTP-4XX
    /// where one asks for a refusal.
    static func implicitRequirements(_ steps: [Step]) -> [String] {
        let kinds = steps.flatMap { step -> [CheckKind] in
            guard case .request(let request) = step else { return [] }
            return (request.checks + request.alternatives.flatMap { $0.checks ?? [] }).flatMap(\.allKinds)
        }
        // A step with another reading to try keeps the first answer's server error (Judge.firstAnswerFailures).
        let triesAnother = steps.contains { step in
            guard case .request(let request) = step else { return false }
            return !request.alternatives.isEmpty
        }
        var implicit: [String] = []
        if provesUnchanged(steps) { implicit.append(unchangedRequirement) }
        if triesAnother || kinds.contains(where: { if case .refused = $0 { true } else { false } }) {
            implicit.append(serverErrorRequirement)
        }
        if kinds.contains(where: { if case .refused(true) = $0 { true } else { false } }) {
            implicit.append(refusalStatusRequirement)
        }
        return implicit
    }

    /// Whether the runner reads the state around a refusal in these steps: they create an interaction, and a
    /// request other than a GET expects a refusal (the runner reads a snapshot before such a step; it proves a
    /// refusal that is only an alternative answer with a snapshot read for an earlier one).
    static func provesUnchanged(_ steps: [Step]) -> Bool {
        let creates = steps.contains { if case .createInteraction = $0 { true } else { false } }
        return creates
            && steps.contains { step in
                guard case .request(let request) = step else { return false }
                return request.request.method != "GET" && request.expectsRefusal
            }
    }

    package mutating func readCase(_ node: YAMLValue, operation: String) throws(InputFileError) -> ConformanceCase {
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
        // What the runner and the judge check beyond the requirements the checks cite: the case checks it too.
        for requirement in Self.implicitRequirements(given + steps) where !requirements.contains(requirement) {
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
        testCase.wholeProfile = (given + steps).contains { $0.namesAgentSet }
        testCase.digest = CaseDigest.sha256(operation: operation, node: node, presets: presets, goldens: goldens)
        return testCase
    }

    package mutating func readSteps(_ node: YAMLValue?, operation: String) throws(InputFileError) -> [Step] {
        guard let node else { return [] }
        var steps: [Step] = []
        for element in try node.list("steps") { steps.append(try readStep(element, operation: operation)) }
        return steps
    }

    package mutating func readStep(_ node: YAMLValue, operation: String) throws(InputFileError) -> Step {
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
                ["request", "expect", "capture", "retry", "observes", "alternatives", "deadline"])
            let notificationDeadline = try fields.keyword(
                "deadline", "notification", meaning: "wait as long as for a notification")
            let template = try readRequest(request)
            // <OPERATION> in presets names the operation the request performs, whatever file it is in.
            let performed = template.body?["operationName"]?.stringValue ?? operation
            return .request(
                RequestStep(
                    request: template,
                    checks: try readChecks(fields.required("expect"), operation: performed),
                    captures: try readCaptures(fields["capture"]),
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

    package func role(_ node: YAMLValue) throws(InputFileError) -> String {
        let text = try node.string("a role")
        guard Roles.isKnown(text) else {
            throw node.error("unknown role '\(text)' (roles: agent1, agent2, agent3, admin)")
        }
        return text
    }

    package func agentRoles(_ node: YAMLValue) throws(InputFileError) -> [String] {
        if case .mapping = node.kind {
            // `{allBut: agent1}`: every agent of the profile but these.
            let fields = try node.mapping("agent")
            try fields.rejectUnknownFields(["allBut"])
            return [AgentSets.allBut(try agentRoles(fields.required("allBut")))]
        }
        var agents: [String] = []
        for name in try node.strings("agent") {
            guard Roles.isKnown(name), name != "admin" else {
                throw node.error("'\(name)' is not an agent role (agent1, agent2, agent3)")
            }
            agents.append(name)
        }
        return agents
    }

    /// A request's path: under the profile's base URL, or a `${...}` URL.
    @discardableResult
    static func checkPath(_ node: YAMLValue) throws(InputFileError) -> String {
        let path = try node.string("path")
        guard path.hasPrefix("/") || path.hasPrefix("${") else {
            throw node.error("path must start with '/' (or be a ${...} URL such as ${notificationsURL})")
        }
        return path
    }

    package func readRequest(_ node: YAMLValue) throws(InputFileError) -> RequestTemplate {
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
        let path = try Self.checkPath(fields.required("path"))
        return RequestTemplate(
            credentials: credentials,
            method: method,
            path: path,
            body: fields["body"]?.json,
            rawBody: try fields["rawBody"]?.string("rawBody")
        )
    }
}
