import ConformanceCatalog
import ConformanceJSON
import ConformanceKit

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
        let firstAnswerFailures =
            evaluation.deviates
            ? judge.firstAnswerFailures(
                step.checks, answer: answer, request: request, resends: step.alternatives.contains(where: \.sends))
            : []
        // Another request that was not refused: the state may have changed as it asked.
        sentUnrefused = false
        if evaluation.deviates, !step.alternatives.isEmpty,
            var chosen = try await chooseAlternative(of: step, request: request, answer: answer)
        {
            chosen.deviations += firstAnswerFailures
            evaluation = chosen
        } else if !evaluation.deviates, let observed = step.observes {
            evaluation.observations.append(observed)
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

    /// The alternative of the step the target follows, as the pure ``AlternativeChoice`` decides it: this only
    /// sends what it asks for. A request that gets no answer leaves no ERROR (that alternative does not hold), and
    /// one that is not refused is noted in `sentUnrefused`.
    func chooseAlternative(of step: RequestStep, request: SentRequest, answer: HTTPAnswer) async throws
        -> Judgement?
    {
        var choice = AlternativeChoice(
            judge: judge, step: step, variables: variables, request: request, answer: answer)
        var next = try choice.next()
        while case .send(let template, let body) = next {
            let previousError = ledger.error
            let sent = try await send(
                template, body: body, deadline: step.notificationDeadline ? timeouts.notification : nil)
            if let sent {
                if !Judge.isRefusal(sent.1) { sentUnrefused = true }
            } else {
                ledger.error = previousError
            }
            next = try choice.received(sent)
        }
        guard case .chosen(let judgement) = next else { return nil }
        return judgement
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
        let sender = RequestSender(profile: profile, client: client)
        let request = sender.request(method: template.method, path: path, credentials: template.credentials, body: body)
        let url = request.url
        ledger.curl = request.curl
        let wrong = template.credentials.authorization(in: profile).wrong
        let who = template.credentials.role.map { wrong ? "\($0) (wrong password)" : $0 } ?? "nobody"
        do {
            let answer = try await sender.send(request, credentials: template.credentials, timeout: deadline)
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
            ledger.deviationCurl = ledger.deviationCurl ?? request.curl
            return nil
        }
    }
}
