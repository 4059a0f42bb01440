import ConformanceCatalog
import ConformanceJSON
import ConformanceReport

/// Judges answers and notifications against a case's expectations: pure logic, no I/O, so it is tested without
/// sockets. Every deviation it makes names its requirement, level and erratum from the catalog.
package struct Judge: Sendable {
    package let catalog: Catalog
    package let profile: TargetProfile

    package init(catalog: Catalog, profile: TargetProfile) {
        self.catalog = catalog
        self.profile = profile
    }

    /// The matchers of a templated expectation.
    package func pattern(_ template: JSONValue, _ variables: [String: JSONValue]) throws -> JSONPattern {
        try JSONPattern(reading: Template.substitute(template, variables))
    }

    package func level(_ requirement: String) -> RequirementLevel {
        catalog.requirement(requirement)?.level ?? .must
    }

    package func erratum(_ requirement: String) -> String? {
        catalog.requirement(requirement)?.erratum
    }

    /// A note for another answer a check allows (an erratum's reading), quoting the document.
    package func alternativeNote(_ alternative: CheckAlternative) -> String {
        guard let id = alternative.requirement, let requirement = catalog.requirement(id) else {
            return alternative.note
        }
        return "\(alternative.note) [\(id), \(requirement.section): \"\(requirement.quote)\"]"
    }

    /// A note for a step alternative the target follows: the reading's title and the alternative's description.
    package func alternativeNote(_ observation: Observation) -> String {
        guard let reading = catalog.reading(observation.reading),
            let alternative = reading.alternative(observation.alternative)
        else { return "The target follows the reading \(observation)." }
        let id = reading.requirement
        let quote = catalog.requirement(id).map { " [\(id), \($0.section): \"\($0.quote)\"]" } ?? ""
        return "\(reading.title): the target \(alternative.description) (\(observation))\(quote)"
    }

    /// A deviation of `requirement`, with the level and erratum the catalog gives it.
    package func deviation(
        _ requirement: String, pointer: String = "", expected: String, actual: String, message: String, curl: String?
    ) -> Deviation {
        Deviation(
            requirement: requirement, level: level(requirement), pointer: pointer, expected: expected, actual: actual,
            message: message, erratum: erratum(requirement), curl: curl)
    }

    /// The checks of a step against one answer. A check that fails may still hold as one of its alternatives (the
    /// document allows it): then the answer gets a note naming it instead of a deviation.
    package func judge(_ checks: [Check], answer: HTTPAnswer, request: SentRequest, variables: [String: JSONValue])
        throws
        -> Judgement
    {
        var judgement = Judgement()
        // Whether a check that holds takes the answer as a refusal (then its status is judged once, below).
        var heldAsRefusal = false
        for check in checks {
            let primary = try judge(
                check.kind, answer: answer, request: request, requirement: check.requirement, variables: variables)
            if primary.deviations.isEmpty {
                judgement.captures.merge(primary.captures) { _, new in new }
                judgement.info += primary.info
                if let observed = check.observes { judgement.observations.append(observed) }
                if case .refused(true) = check.kind { heldAsRefusal = true }
                continue
            }
            var accepted = false
            for other in check.alternatives {
                guard let kind = other.kind else { continue }
                let alternative = try judge(
                    kind, answer: answer, request: request, requirement: check.requirement, variables: variables)
                guard alternative.deviations.isEmpty else { continue }
                if case .refused(true) = kind { heldAsRefusal = true }
                if let observed = other.observes {
                    judgement.observations.append(observed)
                    // An alternative that breaks a SHOULD is recognised and reported, but still a WARN.
                    if catalog.verdictFollowing(observed) == .warn { break }
                }
                judgement.notes.append(alternativeNote(other))
                judgement.captures.merge(alternative.captures) { _, new in new }
                judgement.info += alternative.info
                accepted = true
                break
            }
            if !accepted { judgement.deviations += primary.deviations }
        }
        // One server error is one deviation of ERROR-NOT-5XX, however many checks met it.
        var serverErrorSeen = false
        judgement.deviations.removeAll { deviation in
            guard deviation.requirement == Self.serverErrorRequirement else { return false }
            defer { serverErrorSeen = true }
            return serverErrorSeen
        }
        let statusJudged = checks.contains { $0.requirement == Self.refusalStatusRequirement }
        if heldAsRefusal, !statusJudged, let warning = refusalStatusWarning(answer: answer, request: request) {
            judgement.warnings.append(warning)
            judgement.observations.append(Self.refusalAnswered200)
        }
        return judgement
    }

    /// The SHOULD that a refusal be a 4xx (the `refusal` preset judges it; a bare `refused: true` relies on this).
    package static let refusalStatusRequirement = CaseReader.refusalStatusRequirement
    package static let refusalAnswered200 = Observation(reading: "refusal-status", alternative: "200")
    /// The MUST that a request is never answered with a server error.
    package static let serverErrorRequirement = CaseReader.serverErrorRequirement

    /// A refusal answered with a 2xx and the error body: a WARN wherever the catalog asks for a refusal, not only
    /// under the `refusal` preset.
    package func refusalStatusWarning(answer: HTTPAnswer, request: SentRequest) -> Deviation? {
        guard answer.status / 100 == 2 else { return nil }
        return deviation(
            Self.refusalStatusRequirement, expected: "HTTP 4xx", actual: "HTTP \(answer.status)",
            message: "\(request.method) \(request.path): refused with HTTP \(answer.status) and the error body, "
                + "expected a 4xx", curl: request.curl)
    }

    /// A deviation of ERROR-NOT-5XX: the answer was a server error.
    package func serverError(_ answer: HTTPAnswer, _ request: SentRequest, _ message: String) -> Deviation {
        deviation(
            Self.serverErrorRequirement, expected: "any status but 5xx",
            actual: "HTTP \(answer.status) \(answer.bodySummary)", message: message, curl: request.curl)
    }

    /// What the first answer of a step shows whatever another reading then makes of the step: a server error is
    /// never a refusal nor an allowed alternative, and a body that is not JSON breaks the step's body check. An
    /// alternative that sends another request cannot make these pass.
    package func firstAnswerFailures(_ checks: [Check], answer: HTTPAnswer, request: SentRequest, resends: Bool)
        -> [Deviation]
    {
        var failures: [Deviation] = []
        let place = "\(request.method) \(request.path)"
        if answer.status / 100 == 5 {
            failures.append(
                serverError(
                    answer, request,
                    "\(place): the first answer was a server error (HTTP \(answer.status)), before another reading "
                        + "of the step was tried"))
        }
        if resends, !answer.bodyIsEmpty, case .failure(let parseError) = answer.json,
            let bodyCheck = checks.first(where: { if case .body = $0.kind { true } else { false } })
        {
            failures.append(
                deviation(
                    bodyCheck.requirement, expected: "a JSON body", actual: answer.bodySummary,
                    message: "\(place): the first answer's body is not JSON (\(parseError)), before another reading "
                        + "of the step was tried", curl: request.curl))
        }
        return failures
    }

    /// One check against one answer.
    package func judge(
        _ kind: CheckKind, answer: HTTPAnswer, request: SentRequest, requirement: String,
        variables: [String: JSONValue]
    ) throws -> Judgement {
        var judgement = Judgement()
        let place = "\(request.method) \(request.path)"
        let said = Self.errorDescription(of: answer).map { " (the target's errorDescription: \($0))" } ?? ""
        func deviate(pointer: String = "", expected: String, actual: String, message: String) {
            judgement.deviations.append(
                deviation(
                    requirement, pointer: pointer, expected: expected, actual: actual,
                    message: "\(place): \(message)\(said)", curl: request.curl))
        }
        switch kind {
        case .status(let expectation):
            if !expectation.admits(answer.status) {
                deviate(
                    expected: "HTTP \(expectation)", actual: "HTTP \(answer.status)",
                    message: "answered HTTP \(answer.status), expected \(expectation)")
            }
        case .excludesSecretsOf(let role):
            for name in repeatedSecrets(of: role, in: answer) {
                deviate(
                    expected: "an answer that does not repeat \(name)",
                    actual: "the answer contains \(name) (not shown here)", message: "the answer repeats \(name)")
            }
        case .refused(let wanted):
            // A 5xx is neither: a server error is not a refusal, and says nothing was done as asked. It breaks
            // ERROR-NOT-5XX (a MUST) whatever the level of the check that met it.
            if answer.status / 100 == 5 {
                judgement.deviations.append(
                    serverError(
                        answer, request,
                        "\(place): a server error is neither a refusal nor a success: HTTP \(answer.status) "
                            + answer.bodySummary + said))
            } else if Self.isRefusal(answer) != wanted {
                let answered = "HTTP \(answer.status) \(answer.bodySummary)"
                deviate(
                    expected: wanted
                        ? "a refusal: a 4xx status or the documented error body (never a 5xx)"
                        : "neither a refusal nor a 5xx",
                    actual: answered,
                    message: wanted
                        ? "the request was not refused: \(answered)" : "the request was refused: \(answered)")
            }
        case .emptyBody:
            if !answer.bodyIsEmpty {
                deviate(expected: "(empty body)", actual: answer.bodySummary, message: "the body is not empty")
            }
        case .body(let template, let source):
            let pattern = try pattern(template, variables)
            let expected = source.map { "golden \($0)" } ?? JSONMatcher.describe(pattern)
            guard !answer.bodyIsEmpty else {
                deviate(expected: expected, actual: "(empty body)", message: "the body is empty; expected \(expected)")
                break
            }
            switch answer.json {
            case .failure(let parseError):
                deviate(expected: expected, actual: answer.bodySummary, message: "the body is not JSON (\(parseError))")
            case .success(let json):
                let match = JSONMatcher.match(pattern, json)
                for difference in match.differences {
                    deviate(
                        pointer: difference.pointer.description, expected: difference.expected,
                        actual: difference.actual, message: difference.message)
                }
                judgement.captures = match.captures
                let undocumented = DocumentedMembers.undocumented(match.extraMembers)
                if !undocumented.isEmpty {
                    judgement.info.append(
                        "\(place): the answer has members the document does not name: "
                            + undocumented.map(\.description).joined(separator: ", "))
                }
            }
        }
        return judgement
    }

    /// The names of the credentials of `role` (right or wrong) that the answer repeats, body or headers.
    package func repeatedSecrets(of role: String, in answer: HTTPAnswer) -> [String] {
        guard let account = Roles.account(role, in: profile) else { return [] }
        let secrets = [
            ("the password of \(role)", account.password),
            ("the wrong password the suite sent", BasicAuth.wrongPassword),
            ("the Basic credentials of \(role)", BasicAuth.header(account.username, account.password)),
            ("the wrong Basic credentials", BasicAuth.header(account.username, BasicAuth.wrongPassword)),
        ]
        let raw =
            String(decoding: answer.body, as: UTF8.self)
            + answer.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        // A secret counts as a whole token (not inside a longer run of letters and digits), and a password that is
        // also the account's name or id is no secret an error text could keep.
        return secrets.filter { _, secret in
            !secret.isEmpty && secret != account.username && secret != account.id
                && JSONMatcher.mentions(secret, in: .string(raw))
        }.map(\.0)
    }

    /// Whether an answer refuses its request: a 4xx, or the documented error body with any status but a 5xx (a
    /// server error is never a refusal). A GET has no documented failure body, only its envelope: a `statusCode`
    /// other than 0 refuses too.
    package static func isRefusal(_ answer: HTTPAnswer) -> Bool {
        if answer.status / 100 == 4 { return true }
        if answer.status / 100 == 5 { return false }
        guard case .success(let json) = answer.json else { return false }
        if case .number(let code) = json["statusCode"], code != 0 { return true }
        return json["status"]?.stringValue == "error"
    }

    /// The `errorDescription` of an error body, quoted and cut short, so a refused step says why.
    package static func errorDescription(of answer: HTTPAnswer) -> String? {
        guard case .success(let json) = answer.json, let description = json["errorDescription"] else { return nil }
        return description.abbreviated(limit: 200)
    }
}
