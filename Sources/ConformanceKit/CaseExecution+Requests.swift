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
    }

    func perform(_ step: RequestStep) async throws -> StepOutcome {
        let template = step.request
        let body: String? =
            if let raw = template.rawBody { try Template.substitute(raw, variables) } else {
                try template.body.map { try Template.substitute($0, variables).compactText }
            }
        guard var (request, answer) = try await send(template, body: body) else { return .stopped }
        var evaluation = try evaluate(step.checks, answer: answer, request: request)
        var retries = step.retries
        while retries > 0, !evaluation.deviations.isEmpty {
            retries -= 1
            let previousError = error
            guard let again = try await send(template, body: body) else {
                // A retry that gets no answer leaves the judgement to the last answer that came.
                error = previousError
                info.append("a retry of \(template.method) \(request.path) got no answer; the earlier answer is judged")
                break
            }
            (request, answer) = again
            evaluation = try evaluate(step.checks, answer: answer, request: request)
        }
        await reportGoldens(step.checks, answer: answer, matched: evaluation)
        if let fallback = step.fallback, evaluation.deviations.contains(where: { $0.level != .info }) {
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
        deviations += evaluation.deviations
        for note in evaluation.notes where !notes.contains(note) { notes.append(note) }
        info += evaluation.info
        if !evaluation.deviations.isEmpty, deviationCurl == nil { deviationCurl = evaluation.deviations.first?.curl }
        return evaluation.deviations.isEmpty ? .passed : .deviated
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
    func send(_ template: RequestTemplate, body: String?) async throws -> (SentRequest, HTTPAnswer)? {
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
            let answer = try await client.send(
                method: template.method,
                url: url,
                headers: headers,
                body: body.map { Array($0.utf8) }
            )
            transcript.append(
                "\(who): \(template.method) \(path)\(body.map { " " + $0 } ?? "") → HTTP \(answer.status) \(answer.bodySummary)"
            )
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
                continue
            }
            var accepted = false
            for reading in check.readings {
                guard let kind = reading.kind else { continue }
                let alternative = try evaluate(kind, answer: answer, request: request, requirement: check.requirement)
                if alternative.deviations.isEmpty {
                    evaluation.notes.append(readingNote(reading))
                    evaluation.captures.merge(alternative.captures) { _, new in new }
                    evaluation.info += alternative.info
                    accepted = true
                    break
                }
            }
            if !accepted { evaluation.deviations += primary.deviations }
        }
        return evaluation
    }

    func evaluate(_ kind: CheckKind, answer: HTTPAnswer, request: SentRequest, requirement: String) throws -> Evaluation
    {
        var evaluation = Evaluation()
        let where_ = "\(request.method) \(request.path)"
        func deviate(pointer: String, expected: String, actual: String, message: String) {
            evaluation.deviations.append(
                Deviation(
                    requirement: requirement,
                    level: requirementLevel(requirement),
                    pointer: pointer,
                    expected: expected,
                    actual: actual,
                    message: "\(where_): \(message)",
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
                if !match.extraMembers.isEmpty {
                    evaluation.info.append(
                        "\(where_): the answer has members the document does not name: "
                            + match.extraMembers.map(\.description).joined(separator: ", ")
                    )
                }
            }
        }
        return evaluation
    }
}
