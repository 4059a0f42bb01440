import ConformanceCatalog
import ConformanceModel

/// Writes a shrunk sequence as an operation file of the catalog's own format, ready to review and add: an
/// interaction whose invitation has reached agent1 (`given: invited`), then one step per explored step, each
/// expecting what the document allows there. The steps do not wait for notifications: on a target that routes
/// transfers or re-presented interactions later, add `notification:` steps before the agent that receives them
/// acts.
public enum ExploreCaseWriter {
    public static func yaml(
        id: String, title: String, requirement: String, steps: [ExploreStep], model: ModelProfile,
        profile: TargetProfile, comment: String
    ) -> String {
        let allowed = StepExpectation.of(steps, invitedAgent: model.agents.first ?? "agent1", profile: model)
        var comment = comment
        if case .outcomes(let outcomes, _) = allowed.last, outcomes.count > 1 {
            comment +=
                "\nThe last step deviates only after what the target chose at an earlier step where the "
                + "document allows more than one answer: add a check there before relying on this case."
        }
        let operation = steps.last.flatMap { step -> String? in
            if case .operation(_, let operation) = step { return operation.name }
            return nil
        }
        var lines = comment.split(separator: "\n").map { "# " + $0 }
        lines += [
            "operation: \(operation ?? "GetMeInteractions")",
            "cases:",
            "  - id: \(id)",
            "    title: \(quoted(title))",
            "    requirements: [\(requirement)]",
            "    given: invited",
            "    steps:",
        ]
        for (index, step) in steps.enumerated() {
            let allowedHere = index < allowed.count ? allowed[index] : nil
            lines += stepLines(step, allowed: allowedHere, requirement: requirement, profile: profile)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func stepLines(_ step: ExploreStep, allowed: StepExpectation?, requirement: String, profile: TargetProfile)
        -> [String]
    {
        switch step {
        case .listing(let agent):
            var lines = [
                "      - request: {as: \(agent), path: \"/me/interactions?fields=*\"}",
                "        expect:",
                "          - {status: 200, requirement: ME-INTERACTIONS-FIELDS}",
            ]
            if case .listed(let listed) = allowed, listed.count == 1, let must = listed.first {
                let contains = "{$contains: [{id: \"${ix.id}\"}]}"
                lines.append(
                    "          - {body: {interactions: \(must ? contains : "{$not: \(contains)}")}, "
                        + "requirement: HANDLED-BY-AGENT}")
            }
            return lines
        case .operation(let agent, let operation):
            let expect: String
            switch allowed {
            case .outcomes(let outcomes, let asked) where outcomes == [.success]:
                expect = "[{refused: false, requirement: \(asked ?? requirement)}]"
            case .outcomes(let outcomes, let asked) where outcomes == [.refusal]:
                expect = "{forbidden: \(asked ?? requirement)}"
            default:
                expect = "[{status: \"!5xx\", requirement: ERROR-NOT-5XX}]"
            }
            return [
                "      - request: {as: \(agent), method: POST, path: \"/me/interactions/${ix.id}\", "
                    + "body: \(body(operation, profile: profile))}",
                "        expect: \(expect)",
            ]
        }
    }

    /// The body in YAML flow style, with the profile's names as the catalog's templates.
    static func body(_ operation: ModelOperation, profile: TargetProfile) -> String {
        func agent(_ role: String?) -> String? {
            guard let role else { return nil }
            return Roles.account(role, in: profile) != nil ? "\"${\(role).id}\"" : quoted(role)
        }
        func named(_ value: String?, _ names: [String], _ template: String) -> String? {
            guard let value else { return nil }
            guard let index = names.firstIndex(of: value) else { return quoted(value) }
            return "\"${\(template)\(index == 0 ? "" : String(index + 1))}\""
        }
        var members = ["operationName: \(operation.name)"]
        switch operation {
        case .placeInQueue(let queue):
            if let value = named(queue, profile.queues, "queue") { members.append("queue: \(value)") }
        case .updateProperties: members.append("properties: {explored: \"yes\"}")
        case .placeInWorkbin(let workbin), .getWorkbinContent(let workbin):
            if let value = named(workbin, profile.workbins, "workbin") { members.append("workbin: \(value)") }
        case .transfer(let target):
            if let value = agent(target) { members.append("targetId: \(value)") }
        case .startConference(let invitee), .endConference(let invitee):
            if let value = agent(invitee) { members.append("agentId: \(value)") }
        case .accept, .reject, .stopProcessing: break
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
