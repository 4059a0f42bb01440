import ConformanceJSON

/// What a case does, step by step, and the clauses it checks: `conformance explain CASE`.
public enum CaseExplanation {
    public static func text(_ testCase: ConformanceCase, catalog: Catalog) -> String {
        var lines = [
            "\(testCase.id) [\(testCase.operation)] — \(testCase.title)",
            "Defined at \(testCase.file):\(testCase.line ?? 0)",
        ]
        if !testCase.given.isEmpty {
            lines.append("")
            lines.append("Given (set-up; the case stops if one fails):")
            lines += testCase.given.enumerated().flatMap { describe($1, number: $0 + 1, catalog: catalog) }
        }
        lines.append("")
        lines.append("Steps (every deviation is reported):")
        lines += testCase.steps.enumerated().flatMap { describe($1, number: $0 + 1, catalog: catalog) }
        lines.append("")
        lines.append("Clauses checked:")
        for id in testCase.requirements {
            guard let requirement = catalog.requirement(id) else { continue }
            lines.append("  \(id) (\(requirement.level.rawValue)) — \(requirement.section)")
            lines.append("    \"\(requirement.quote)\"")
            if let erratum = requirement.erratum { lines.append("    erratum: \(erratum)") }
        }
        return lines.joined(separator: "\n")
    }

    package static func describe(_ step: Step, number: Int, catalog: Catalog) -> [String] {
        let prefix = "  \(number). "
        switch step {
        case .createInteraction(let create):
            return [
                prefix + "Through the fixtures, route a new \(create.mediaType ?? "${mediaType}") interaction to "
                    + "\(create.agent); its id becomes ${\(create.bindAs).id}."
            ]
        case .request(let request):
            let template = request.request
            let who: String
            switch template.credentials {
            case .role(let role): who = role
            case .wrongPassword(let role): who = "\(role) with a wrong password"
            case .none: who = "nobody (no credentials)"
            }
            let body = template.rawBody.map { " (raw) \($0)" } ?? template.body.map { " \($0.compactText)" } ?? ""
            var lines = [prefix + "\(who) sends \(template.method) \(template.path)\(body)"]
            for check in request.checks {
                lines.append("       expect \(describe(check.kind)) [\(check.requirement)]")
                for alternative in check.alternatives {
                    let verdict = catalog.verdictFollowing(alternative.observes).rawValue
                    lines.append(
                        "         or \(alternative.kind.map(describe) ?? "?"): \(verdict) — \(alternative.note)")
                }
            }
            if request.checks.contains(where: {
                if case .refused(true) = $0.kind { true } else { false }
            }),
                !request.checks.contains(where: { $0.requirement == CaseReader.refusalStatusRequirement })
            {
                lines.append(
                    "       a refusal answered with a 2xx and the error body: WARN [\(CaseReader.refusalStatusRequirement)]"
                )
            }
            for alternative in request.alternatives {
                let sent =
                    alternative.path.map { "send to \($0) instead" }
                    ?? alternative.body.map { "send \($0.compactText) instead" } ?? "judge the same answer"
                let judged = alternative.checks.map { " by " + $0.map { describe($0.kind) }.joined(separator: ", ") }
                let reading = alternative.observes.map { " (\($0))" } ?? ""
                let deviation = alternative.deviation.map { "; if that holds: \($0.requirement) deviation" } ?? ""
                lines.append("       or\(reading) \(sent)\(judged ?? "")\(deviation)")
            }
            return lines
        case .notification(let expectation):
            var lines = [
                prefix + "\(expectation.agents.joined(separator: " or ")) must receive a notification matching "
                    + "\(expectation.match.compactText) [\(expectation.requirement)]"
            ]
            for alternative in expectation.alternatives {
                lines.append("       or \(alternative.match?.compactText ?? "?"): NOTE — \(alternative.note)")
            }
            return lines
        case .noNotification(let expectation):
            return [
                prefix + "\(expectation.agents.joined(separator: " and ")) must receive no notification matching "
                    + "\(expectation.match.compactText) [\(expectation.requirement)]"
            ]
        }
    }

    package static func describe(_ kind: CheckKind) -> String {
        switch kind {
        case .status(let status): "HTTP \(status)"
        case .body(let pattern, let source): "body " + (source.map { "like golden \($0)" } ?? pattern.compactText)
        case .emptyBody: "an empty body"
        case .excludesSecretsOf(let role): "an answer that repeats none of \(role)'s secrets"
        case .refused(let wanted):
            wanted ? "a refusal (a 4xx status, or the documented error body with any status)" : "no refusal"
        }
    }
}
