import ConformanceJSON

extension CaseExecution {
    /// A request as sent, for the transcript and the curl line.
    struct SentRequest {
        var method: String
        var path: String
        var url: String
        var body: String?
        var curl: String
    }

    /// The checks of a request step against one answer.
    struct Evaluation {
        var deviations: [Deviation] = []
        var notes: [String] = []
        var info: [String] = []
        var captures: [String: JSONValue] = [:]
        /// The reading alternatives the answer shows the target follows.
        var observations: [Observation] = []

        /// Whether anything but INFO broke.
        var deviates: Bool { deviations.contains { $0.level != .info } }
    }

    func perform(_ step: RequestStep) async throws -> StepOutcome {
        let template = step.request
        let body: String? =
            if let raw = template.rawBody { try Template.substitute(raw, variables) } else {
                try template.body.map { try Template.substitute($0, variables).compactText }
            }
        if template.method != "GET", !template.path.hasPrefix("${notificationsURL}") { await markStepStart() }
        let deadline = step.notificationDeadline ? timeouts.notification : nil
        guard var (request, answer) = try await send(template, body: body, deadline: deadline) else { return .stopped }
        var evaluation = try evaluate(step.checks, answer: answer, request: request)
        var retries = step.retries
        while retries > 0, !evaluation.deviations.isEmpty {
            retries -= 1
            let previousError = error
            guard let again = try await send(template, body: body, deadline: deadline) else {
                // A retry that gets no answer leaves the judgement to the last answer that came.
                error = previousError
                info.append("a retry of \(template.method) \(request.path) got no answer; the earlier answer is judged")
                break
            }
            (request, answer) = again
            evaluation = try evaluate(step.checks, answer: answer, request: request)
        }
        await reportGoldens(step.checks, answer: answer, matched: evaluation)
        if evaluation.deviates, !step.alternatives.isEmpty,
            let alternative = try await firstHolding(step.alternatives, of: step, answer: answer, request: request)
        {
            evaluation = alternative
        } else if !evaluation.deviates, let observed = step.observes {
            evaluation.observations.append(observed)
        }
        if let fallback = step.fallback, evaluation.deviates {
            let fallbackBody = try Template.substitute(fallback.body, variables).compactText
            if let (retry, retryAnswer) = try await send(template, body: fallbackBody) {
                var retried = try evaluate(step.checks, answer: retryAnswer, request: retry)
                if retried.deviations.isEmpty {
                    retried.deviations = [
                        Deviation(
                            requirement: fallback.requirement,
                            level: requirementLevel(fallback.requirement),
                            pointer: "/operationName",
                            expected: body ?? "",
                            actual: fallbackBody,
                            message: fallback.message,
                            erratum: erratum(fallback.requirement),
                            curl: retry.curl
                        )
                    ]
                    evaluation = retried
                }
            }
        }
        variables.merge(evaluation.captures) { _, new in new }
        if case .success(let json) = answer.json {
            for capture in step.captures {
                if let value = json[capture.pointer] { variables[capture.name] = value }
            }
        }
        record(evaluation.deviations)
        for note in evaluation.notes where !notes.contains(note) { notes.append(note) }
        info += evaluation.info
        // A step whose MUST checks broke shows no reading: a 200 that did not refuse is no "refusal with 200".
        if !evaluation.deviations.contains(where: { $0.level == .must }) {
            observations.formUnion(evaluation.observations)
        }
        return evaluation.deviations.isEmpty ? .passed : .deviated
    }

    /// The first other reading of the step that the target follows, judged on a new request when the alternative
    /// sends another body, else on the step's answer; nil when none holds.
    func firstHolding(
        _ alternatives: [StepAlternative],
        of step: RequestStep,
        answer: HTTPAnswer,
        request: SentRequest
    ) async throws -> Evaluation? {
        for alternative in alternatives {
            var judged = (request, answer)
            if alternative.body != nil || alternative.path != nil {
                var template = step.request
                if let path = alternative.path { template.path = path }
                let text =
                    try alternative.body.map { try Template.substitute($0, variables).compactText } ?? request.body
                let previousError = error
                guard let sent = try await send(template, body: text) else {
                    error = previousError
                    continue
                }
                judged = sent
            }
            var evaluation = try evaluate(alternative.checks ?? step.checks, answer: judged.1, request: judged.0)
            if !evaluation.deviates {
                if let observed = alternative.observes { evaluation.observations.append(observed) }
                return evaluation
            }
        }
        return nil
    }

    /// Tells `conformance record` what the target answered where a golden is expected.
    func reportGoldens(_ checks: [Check], answer: HTTPAnswer, matched evaluation: Evaluation) async {
        guard case .success(let json) = answer.json else { return }
        for check in checks {
            guard case .body(_, let source?) = check.kind else { continue }
            let failed = evaluation.deviations.contains { $0.requirement == check.requirement }
            await observe(
                GoldenObservation(caseID: testCase.id, path: source, body: json, variables: variables, matched: !failed)
            )
        }
    }

    /// Sends the request; a transport failure makes the case ERROR and returns nil.
    func send(_ template: RequestTemplate, body: String?, deadline: Duration? = nil) async throws
        -> (SentRequest, HTTPAnswer)?
    {
        let path = try Template.substitute(template.path, variables)
        let url = path.hasPrefix("http://") || path.hasPrefix("https://") ? path : profile.baseURL + path
        var headers: [(String, String)] = [("Accept", "application/json")]
        var account: TargetProfile.Account?
        var wrong = false
        switch template.credentials {
        case .role(let role):
            account = Roles.account(role, in: profile)
            if let account { headers.append(("Authorization", BasicAuth.header(account.username, account.password))) }
        case .wrongPassword(let role):
            account = Roles.account(role, in: profile)
            wrong = true
            if let account { headers.append(("Authorization", BasicAuth.header(account.username, "not-the-password"))) }
        case .none:
            break
        }
        let line = CurlCommand.line(
            method: template.method, url: url, account: account, wrongPassword: wrong, body: body)
        let request = SentRequest(method: template.method, path: path, url: url, body: body, curl: line)
        curl = line
        let who = template.credentials.role.map { wrong ? "\($0) (wrong password)" : $0 } ?? "nobody"
        do {
            var client = self.client
            if let deadline { client.timeout = min(client.timeout, deadline) }
            let answer = try await client.send(
                method: template.method,
                url: url,
                headers: headers,
                body: body.map { Array($0.utf8) }
            )
            transcript.append(
                "\(who): \(template.method) \(path)\(body.map { " " + $0 } ?? "") → HTTP \(answer.status) \(answer.bodySummary)"
            )
            shapes.recordAnswer(
                method: template.method, pathTemplate: template.path,
                operationName: template.body?["operationName"]?.stringValue, answer: answer, caseID: testCase.id)
            return (request, answer)
        } catch {
            transcript.append("\(who): \(template.method) \(path) → no answer: \(error.reason)")
            self.error = "\(template.method) \(url): \(error.reason)"
            deviationCurl = deviationCurl ?? line
            return nil
        }
    }

    func evaluate(_ checks: [Check], answer: HTTPAnswer, request: SentRequest) throws -> Evaluation {
        var evaluation = Evaluation()
        for check in checks {
            let primary = try evaluate(check.kind, answer: answer, request: request, requirement: check.requirement)
            if primary.deviations.isEmpty {
                evaluation.captures.merge(primary.captures) { _, new in new }
                evaluation.info += primary.info
                if let observed = check.observes { evaluation.observations.append(observed) }
                continue
            }
            var accepted = false
            for reading in check.readings {
                guard let kind = reading.kind else { continue }
                let alternative = try evaluate(kind, answer: answer, request: request, requirement: check.requirement)
                guard alternative.deviations.isEmpty else { continue }
                if let observed = reading.observes {
                    evaluation.observations.append(observed)
                    // An alternative that breaks a SHOULD is recognised and reported, but still a WARN.
                    if alternativeLevel(observed) == .should { break }
                }
                evaluation.notes.append(readingNote(reading))
                evaluation.captures.merge(alternative.captures) { _, new in new }
                evaluation.info += alternative.info
                accepted = true
                break
            }
            if !accepted { evaluation.deviations += primary.deviations }
        }
        return evaluation
    }

    func evaluate(_ kind: CheckKind, answer: HTTPAnswer, request: SentRequest, requirement: String) throws -> Evaluation
    {
        var evaluation = Evaluation()
        let where_ = "\(request.method) \(request.path)"
        let said = Self.errorDescription(of: answer).map { " (the target's errorDescription: \($0))" } ?? ""
        func deviate(pointer: String, expected: String, actual: String, message: String) {
            evaluation.deviations.append(
                Deviation(
                    requirement: requirement,
                    level: requirementLevel(requirement),
                    pointer: pointer,
                    expected: expected,
                    actual: actual,
                    message: "\(where_): \(message)\(said)",
                    erratum: erratum(requirement),
                    curl: request.curl
                )
            )
        }
        switch kind {
        case .status(let expectation):
            if !expectation.admits(answer.status) {
                deviate(
                    pointer: "",
                    expected: "HTTP \(expectation)",
                    actual: "HTTP \(answer.status)",
                    message: "answered HTTP \(answer.status), expected \(expectation)"
                )
            }
        case .excludesSecretsOf(let role):
            guard let account = Roles.account(role, in: profile) else { break }
            let secrets = [
                ("the password of \(role)", account.password),
                ("the wrong password the suite sent", "not-the-password"),
                ("the Basic credentials of \(role)", BasicAuth.header(account.username, account.password)),
                ("the wrong Basic credentials", BasicAuth.header(account.username, "not-the-password")),
            ]
            let raw =
                String(decoding: answer.body, as: UTF8.self)
                + answer.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
            for (name, secret) in secrets where !secret.isEmpty && raw.contains(secret) {
                deviate(
                    pointer: "",
                    expected: "an answer that does not repeat \(name)",
                    actual: "the answer contains \(name) (not shown here)",
                    message: "the answer repeats \(name)"
                )
            }
        case .refused(let wanted):
            // Not refused is not a server error either: a 5xx says nothing was done as asked.
            if Self.isRefusal(answer) != wanted || (!wanted && answer.status / 100 == 5) {
                deviate(
                    pointer: "",
                    expected: wanted
                        ? "a refusal: a 4xx status or the documented error body" : "neither a refusal nor a 5xx",
                    actual: "HTTP \(answer.status) \(answer.bodySummary)",
                    message: wanted
                        ? "the request was not refused: HTTP \(answer.status) \(answer.bodySummary)"
                        : "the request was refused: HTTP \(answer.status) \(answer.bodySummary)"
                )
            }
        case .emptyBody:
            if !answer.bodyIsEmpty {
                deviate(
                    pointer: "", expected: "(empty body)", actual: answer.bodySummary, message: "the body is not empty")
            }
        case .body(let template, let source):
            let pattern = try pattern(template)
            let expected = source.map { "golden \($0)" } ?? JSONMatcher.describe(pattern)
            if answer.bodyIsEmpty {
                deviate(
                    pointer: "", expected: expected, actual: "(empty body)",
                    message: "the body is empty; expected \(expected)")
                break
            }
            switch answer.json {
            case .failure(let parseError):
                deviate(
                    pointer: "",
                    expected: expected,
                    actual: answer.bodySummary,
                    message: "the body is not JSON (\(parseError))"
                )
            case .success(let json):
                let match = JSONMatcher.match(pattern, json)
                for difference in match.differences {
                    deviate(
                        pointer: difference.pointer.description,
                        expected: difference.expected,
                        actual: difference.actual,
                        message: difference.message
                    )
                }
                evaluation.captures = match.captures
                let undocumented = DocumentedMembers.undocumented(match.extraMembers)
                if !undocumented.isEmpty {
                    evaluation.info.append(
                        "\(where_): the answer has members the document does not name: "
                            + undocumented.map(\.description).joined(separator: ", ")
                    )
                }
            }
        }
        return evaluation
    }
}

extension CaseExecution {
    /// Whether an answer refuses its request: a 4xx, or the documented error body whatever the status.
    /// A GET has no documented failure body, only its envelope: a `statusCode` other than 0 refuses too.
    static func isRefusal(_ answer: HTTPAnswer) -> Bool {
        if answer.status / 100 == 4 { return true }
        guard case .success(let json) = answer.json else { return false }
        if case .number(let code) = json["statusCode"], code != 0 { return true }
        return json["status"]?.stringValue == "error"
    }

    /// The `errorDescription` of an error body, quoted and cut short, so a refused step says why.
    static func errorDescription(of answer: HTTPAnswer) -> String? {
        guard case .success(let json) = answer.json, let description = json["errorDescription"] else { return nil }
        return description.abbreviated(limit: 200)
    }

    /// The level of a reading alternative (SHOULD when following it breaks a SHOULD of the catalog).
    func alternativeLevel(_ observation: Observation) -> RequirementLevel? {
        catalog.reading(observation.reading)?.alternative(observation.alternative)?.level
    }
}
