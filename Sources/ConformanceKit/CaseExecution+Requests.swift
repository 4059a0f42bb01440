import ConformanceCatalog
import ConformanceJSON

extension CaseExecution {
    func perform(_ step: RequestStep) async throws -> StepOutcome {
        let template = step.request
        let body: String? =
            if let raw = template.rawBody { try Template.substitute(raw, variables) } else {
                try template.body.map { try Template.substitute($0, variables).compactText }
            }
        if template.method != "GET", !template.path.hasPrefix("${notificationsURL}") { await markStepStart() }
        // A request the target may refuse: what the agents see before it, to prove a refusal changed nothing. It is
        // read for a step that expects a refusal; where a refusal is only another allowed answer (an Accept that
        // may be refused as already done), a snapshot still standing from an earlier refusal serves.
        var before: StateSnapshot?
        if template.method != "GET" {
            if step.mayBeRefused, judge.catalog.requirement(Self.unchangedRequirement) != nil {
                if snapshot == nil, step.expectsRefusal { snapshot = await readSnapshot() }
                before = snapshot
            }
            snapshot = nil
        }
        let deadline = step.notificationDeadline ? timeouts.notification : nil
        guard var (request, answer) = try await send(template, body: body, deadline: deadline) else { return .stopped }
        var evaluation = try judge.judge(step.checks, answer: answer, request: request, variables: variables)
        var retries = step.retries
        while retries > 0, !evaluation.deviations.isEmpty {
            retries -= 1
            let previousError = ledger.error
            guard let again = try await send(template, body: body, deadline: deadline) else {
                // A retry that gets no answer leaves the judgement to the last answer that came.
                ledger.error = previousError
                ledger.info.append(
                    "a retry of \(template.method) \(request.path) got no answer; the earlier answer is judged")
                break
            }
            (request, answer) = again
            evaluation = try judge.judge(step.checks, answer: answer, request: request, variables: variables)
        }
        await reportGoldens(step.checks, answer: answer, matched: evaluation)
        // Whatever another reading makes of the step, a server error (or, before another request is sent, a body
        // that is not JSON) stays a deviation.
        let resends = step.fallback != nil || step.alternatives.contains { $0.body != nil || $0.path != nil }
        let firstAnswerFailures =
            evaluation.deviates
            ? judge.firstAnswerFailures(step.checks, answer: answer, request: request, resends: resends) : []
        // Another request that was not refused: the state may have changed as it asked.
        sentUnrefused = false
        if evaluation.deviates, !step.alternatives.isEmpty,
            let alternative = try await firstHolding(step.alternatives, of: step, answer: answer, request: request)
        {
            evaluation = alternative
            evaluation.deviations += firstAnswerFailures
        } else if !evaluation.deviates, let observed = step.observes {
            evaluation.observations.append(observed)
        }
        if let fallback = step.fallback, evaluation.deviates {
            let fallbackBody = try Template.substitute(fallback.body, variables).compactText
            if let (retry, retryAnswer) = try await send(template, body: fallbackBody) {
                if !Judge.isRefusal(retryAnswer) { sentUnrefused = true }
                var retried = try judge.judge(step.checks, answer: retryAnswer, request: retry, variables: variables)
                if retried.deviations.isEmpty {
                    retried.deviations =
                        [
                            judge.deviation(
                                fallback.requirement, pointer: "/operationName", expected: body ?? "",
                                actual: fallbackBody, message: fallback.message, curl: retry.curl)
                        ] + firstAnswerFailures
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
        ledger.take(evaluation)
        var changed = false
        if let before, !sentUnrefused, Judge.isRefusal(answer) {
            changed = await proveUnchanged(since: before, by: request)
        }
        return evaluation.deviations.isEmpty && !changed ? .passed : .deviated
    }

    /// The first other reading of the step that the target follows, judged on a new request when the alternative
    /// sends another body, else on the step's answer; nil when none holds. A reading it shows gets a NOTE, as a
    /// check's reading does. A request it sends that is not refused is noted in `sentUnrefused`.
    func firstHolding(
        _ alternatives: [StepAlternative],
        of step: RequestStep,
        answer: HTTPAnswer,
        request: SentRequest
    ) async throws -> Judgement? {
        for alternative in alternatives {
            var judged = (request, answer)
            let resends = alternative.body != nil || alternative.path != nil
            if resends {
                var template = step.request
                if let path = alternative.path { template.path = path }
                let text =
                    try alternative.body.map { try Template.substitute($0, variables).compactText } ?? request.body
                let previousError = ledger.error
                guard let sent = try await send(template, body: text) else {
                    ledger.error = previousError
                    continue
                }
                judged = sent
                if !Judge.isRefusal(sent.1) { sentUnrefused = true }
            }
            var evaluation = try judge.judge(
                alternative.checks ?? step.checks, answer: judged.1, request: judged.0, variables: variables)
            if !evaluation.deviates {
                if let observed = alternative.observes {
                    evaluation.observations.append(observed)
                    evaluation.notes.append(judge.alternativeNote(observed))
                }
                return evaluation
            }
        }
        return nil
    }

    /// Tells `conformance record` what the target answered where a golden is expected.
    func reportGoldens(_ checks: [Check], answer: HTTPAnswer, matched evaluation: Judgement) async {
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
        let (account, authorization, wrong) = template.credentials.authorization(in: profile)
        if let authorization { headers.append(("Authorization", authorization)) }
        let line = CurlCommand.line(
            method: template.method, url: url, account: account, wrongPassword: wrong, body: body)
        let request = SentRequest(method: template.method, path: path, url: url, body: body, curl: line)
        ledger.curl = line
        let who = template.credentials.role.map { wrong ? "\($0) (wrong password)" : $0 } ?? "nobody"
        do {
            var client = self.client
            if let deadline { client.timeout = min(client.timeout, deadline) }
            let answer = try await client.send(
                method: template.method,
                url: url,
                headers: headers,
                body: body.map { Array($0.utf8) },
                cookiesOf: wrong ? nil : account?.username
            )
            ledger.transcript.append(
                "\(who): \(template.method) \(path)\(body.map { " " + $0 } ?? "") → HTTP \(answer.status) \(answer.bodySummary)"
            )
            ledger.shapes.recordAnswer(
                method: template.method, pathTemplate: template.path,
                operationName: template.body?["operationName"]?.stringValue, answer: answer, caseID: testCase.id)
            return (request, answer)
        } catch {
            ledger.transcript.append("\(who): \(template.method) \(path) → no answer: \(error.reason)")
            ledger.error = "\(template.method) \(url): \(error.reason)"
            ledger.deviationCurl = ledger.deviationCurl ?? line
            return nil
        }
    }
}
