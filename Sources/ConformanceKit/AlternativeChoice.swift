import ConformanceCatalog
import ConformanceJSON
import ConformanceReport

/// Which of a step's `alternatives:` the target follows, decided by the pure ``Judge`` one answer at a time. The
/// driver sends what ``next()`` asks for, hands the answer to ``received(_:)``, and decides nothing itself: so the
/// choice is tested without sockets, and the runner and any other driver choose alike.
package struct AlternativeChoice: Sendable {
    /// What the driver does next.
    package enum Next: Sendable {
        /// Send this request (the step's, to another path or with other body members), then call `received`.
        case send(RequestTemplate, body: String?)
        /// This alternative holds: its judgement, with the reading it shows or the deviation it reports.
        case chosen(Judgement)
        /// No alternative holds: the step's own judgement stands.
        case none
    }

    private let judge: Judge
    private let step: RequestStep
    private let variables: [String: JSONValue]
    /// The step's request and its answer, which an alternative that sends nothing judges again.
    private let first: (request: SentRequest, answer: HTTPAnswer)
    private var index = 0
    private var awaitingAnswer = false

    package init(
        judge: Judge, step: RequestStep, variables: [String: JSONValue], request: SentRequest, answer: HTTPAnswer
    ) {
        self.judge = judge
        self.step = step
        self.variables = variables
        self.first = (request, answer)
    }

    /// The alternatives in order, each judged on the step's answer, until one asks for a request of its own,
    /// holds, or none is left.
    package mutating func next() throws -> Next {
        precondition(!awaitingAnswer, "next() called while a request of the choice awaits its answer")
        while index < step.alternatives.count {
            let alternative = step.alternatives[index]
            if alternative.sends {
                awaitingAnswer = true
                var template = step.request
                if let path = alternative.path { template.path = path }
                return .send(template, body: try body(of: alternative))
            }
            index += 1
            if let chosen = try judged(alternative, request: first.request, answer: first.answer) {
                return .chosen(chosen)
            }
        }
        return .none
    }

    /// The answer to the request `next()` asked for, nil when none came (that alternative does not hold).
    package mutating func received(_ sent: (SentRequest, HTTPAnswer)?) throws -> Next {
        precondition(awaitingAnswer, "received(_:) called with no request of the choice under way")
        awaitingAnswer = false
        let alternative = step.alternatives[index]
        index += 1
        if let (request, answer) = sent, let chosen = try judged(alternative, request: request, answer: answer) {
            return .chosen(chosen)
        }
        return try next()
    }

    /// The body an alternative sends: the step's own with the alternative's members in their place (a step without
    /// a JSON body sends the alternative's), or the step's as it was sent.
    private func body(of alternative: StepAlternative) throws -> String? {
        guard let members = alternative.body else { return first.request.body }
        guard case .object(var merged) = step.request.body, case .object(let changed) = members else {
            return try Template.substitute(members, variables).compactText
        }
        for member in changed { merged[member.key] = member.value }
        return try Template.substitute(.object(merged), variables).compactText
    }

    /// An alternative judged on one answer: nil unless it holds; else the reading it shows (with its NOTE), or the
    /// deviation it reports in place of the checks' own.
    private func judged(_ alternative: StepAlternative, request: SentRequest, answer: HTTPAnswer) throws
        -> Judgement?
    {
        var judgement = try judge.judge(
            alternative.checks ?? step.checks, answer: answer, request: request, variables: variables)
        guard !judgement.deviates else { return nil }
        if let observed = alternative.observes {
            judgement.observations.append(observed)
            judgement.notes.append(alternative.note ?? judge.alternativeNote(observed))
        } else if let note = alternative.note {
            judgement.notes.append(note)
        }
        if let deviation = alternative.deviation {
            // Where the request differs: the first body member the alternative changes ("/operationName").
            let pointer = alternative.body?.objectValue?.keys.first.map { "/" + $0 } ?? ""
            judgement.deviations = [
                judge.deviation(
                    deviation.requirement, pointer: pointer, expected: first.request.body ?? "",
                    actual: request.body ?? "", message: deviation.message, curl: request.curl)
            ]
        }
        return judgement
    }
}
