import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel

/// Writes a shrunk sequence as an operation file of the catalog's own format, ready to review and add: an
/// interaction whose invitation has reached agent1 (`given: invited`), then one step per explored step, each
/// expecting what the document allows there. The steps do not wait for notifications: on a target that routes
/// transfers or re-presented interactions later, add `notification:` steps before the agent that receives them
/// acts.
public enum ExploreCaseWriter {
    package static func yaml(
        id: String, title: String, requirement: String, steps: [ExploreStep], model: ModelProfile,
        profile: TargetProfile, trailer: [YAMLValue] = [], comment: String
    ) -> String {
        let allowed = StepExpectation.of(steps, invitedAgent: model.agents.first ?? "agent1", profile: model)
        var comment = comment
        if case .outcomes(let outcomes, _) = allowed.last, outcomes.count > 1 {
            comment +=
                "\nThe last step deviates only after what the target chose at an earlier step where the "
                + "document allows more than one answer: add a check there before relying on this case."
        }
        if steps.contains(where: { if case .pair = $0 { true } else { false } }) {
            comment +=
                "\nExplore sent the two requests of a pair at once; the catalog sends them one after the other, "
                + "so this case may pass where the pair failed."
        }
        let operation = steps.last.flatMap { step -> String? in
            switch step {
            case .operation(_, let operation): operation.name
            case .pair(_, let second): second.operation.name
            case .stray(_, let operation, _), .admin(let operation): operation.name
            case .probe(_, let probe): probe.operationFile
            case .listing, .uris: nil
            }
        }
        var written: [YAMLValue] = []
        for (index, step) in steps.enumerated() {
            let allowedHere = index < allowed.count ? allowed[index] : nil
            written += Self.steps(step, allowed: allowedHere, requirement: requirement, profile: profile)
        }
        let document: YAMLValue = [
            "operation": .text(operation ?? "GetMeInteractions"),
            "cases": [
                [
                    "id": .text(id),
                    "title": .text(title),
                    "requirements": [.text(requirement)],
                    // Without a step, the finding is the invitation itself: start before it.
                    "given": steps.isEmpty ? "created" : "invited",
                    "steps": .sequence(written + trailer),
                ]
            ],
        ]
        let lines = comment.split(separator: "\n").map { "# " + $0 }
        return lines.joined(separator: "\n") + "\n" + CatalogWriter.text(document)
    }

    static func steps(_ step: ExploreStep, allowed: StepExpectation?, requirement: String, profile: TargetProfile)
        -> [YAMLValue]
    {
        switch step {
        case .listing(let agent), .uris(let agent):
            let uris: Bool
            if case .uris = step { uris = true } else { uris = false }
            let required: YAMLValue = uris ? "ME-INTERACTIONS-URIS" : "ME-INTERACTIONS-FIELDS"
            var checks: [YAMLValue] = [["status": 200, "requirement": required]]
            if case .listed(let listed) = allowed, listed.count == 1, let must = listed.first {
                let element: YAMLValue = uris ? "$regex:.*/${ix.id}" : ["id": "${ix.id}"]
                let contains: YAMLValue = ["$contains": [element]]
                checks.append([
                    "body": .mapping([(uris ? "uris" : "interactions", must ? contains : ["$not": contains])]),
                    "requirement": "HANDLED-BY-AGENT",
                ])
            }
            return [
                [
                    "request": ["as": .text(agent), "path": .text("/me/interactions\(uris ? "" : "?fields=*")")],
                    "expect": .sequence(checks),
                ]
            ]
        case .operation(let agent, let operation):
            guard case .outcomes(let outcomes, let asked) = allowed else {
                return [operationStep(agent, operation, expect: anyAnswer, profile: profile)]
            }
            return [
                operationStep(
                    agent, operation, expect: expectation(outcomes, asked: asked ?? requirement), profile: profile)
            ]
        case .stray(let agent, let operation, let stray):
            var who: [(key: String, value: YAMLValue)]
            switch stray {
            case .unknownId: who = [("as", .text(agent))]
            case .noCredentials: who = [("as", "nobody")]
            case .wrongPassword: who = [("as", .text(agent)), ("password", "wrong")]
            }
            let path = stray == .unknownId ? "/me/interactions/NoSuchInteraction0001" : "/me/interactions/${ix.id}"
            who += [("method", "POST"), ("path", .text(path)), ("body", body(operation, profile: profile))]
            return [["request": .mapping(who), "expect": stray == .unknownId ? "error" : "unauthorized"]]
        case .admin(let operation):
            return [operationStep("admin", operation, expect: ["forbidden": "OPERATION-PERMISSIONS"], profile: profile)]
        case .probe(let agent, let probe):
            var shown: Bool?
            if case .listed(let listed) = allowed, listed.count == 1 { shown = listed.first }
            return [probeStep(probe, by: agent, shown: shown)]
        case .pair(let first, let second):
            guard case .pair(let firstOutcomes, let secondOutcomes) = allowed else { return [] }
            // The two requests were sent at once; the case sends them one after the other.
            return [
                operationStep(
                    first.agent, first.operation, expect: expectation(firstOutcomes, asked: requirement),
                    profile: profile),
                operationStep(
                    second.agent, second.operation, expect: expectation(secondOutcomes, asked: requirement),
                    profile: profile),
            ]
        }
    }

    /// A probe as the catalog's cases for it write it; `shown`: whether the answer must show the interaction.
    static func probeStep(_ probe: ExploreProbe, by agent: String, shown: Bool?) -> YAMLValue {
        var request: [(key: String, value: YAMLValue)] = [("as", .text(agent))]
        if probe.body != nil { request.append(("method", "POST")) }
        request.append(("path", .text(probe.pathTemplate)))
        if let body = probe.body { request.append(("body", YAMLValue(json: body))) }
        let expectations = probe.expectations(by: agent, shown: shown)
        var step: [(key: String, value: YAMLValue)] = [
            ("request", .mapping(request)), ("expect", expectations[0].expect),
        ]
        // The admin's reads: refused, or served (the reading admin-get).
        if expectations.count > 1 {
            step.append(("observes", "admin-get=refused"))
            step.append(
                (
                    "alternatives",
                    .sequence(expectations.dropFirst().map { ["observes": "admin-get=allowed", "expect": $0.expect] })
                ))
        }
        return .mapping(step)
    }

    static let anyAnswer: YAMLValue = [["status": "!5xx", "requirement": "ERROR-NOT-5XX"]]

    /// The `expect:` of an operation the document allows these outcomes for.
    static func expectation(_ outcomes: Set<ModelOutcome>, asked: String) -> YAMLValue {
        switch outcomes {
        case [.success]: [["refused": false, "requirement": .text(asked)]]
        case [.refusal]: ["forbidden": .text(asked)]
        default: anyAnswer
        }
    }

    /// An operation of `POST /me/interactions/{id}` sent by `agent`.
    static func operationStep(_ agent: String, _ operation: ModelOperation, expect: YAMLValue, profile: TargetProfile)
        -> YAMLValue
    {
        [
            "request": [
                "as": .text(agent), "method": "POST", "path": "/me/interactions/${ix.id}",
                "body": body(operation, profile: profile),
            ],
            "expect": expect,
        ]
    }

    /// The body, with the profile's names as the catalog's templates.
    static func body(_ operation: ModelOperation, profile: TargetProfile) -> YAMLValue {
        func agent(_ role: String?) -> YAMLValue? {
            guard let role else { return nil }
            return .text(Roles.account(role, in: profile) != nil ? "${\(role).id}" : role)
        }
        func named(_ value: String?, _ names: [String], _ template: String) -> YAMLValue? {
            guard let value else { return nil }
            guard let index = names.firstIndex(of: value) else { return .text(value) }
            return .text("${\(template)\(index == 0 ? "" : String(index + 1))}")
        }
        var members: [(key: String, value: YAMLValue)] = [("operationName", .text(operation.name))]
        switch operation {
        case .placeInQueue(let queue):
            if let value = named(queue, profile.queues, "queue") { members.append(("queue", value)) }
        case .updateProperties: members.append(("properties", ["explored": "yes"]))
        case .placeInWorkbin(let workbin), .getWorkbinContent(let workbin):
            if let value = named(workbin, profile.workbins, "workbin") { members.append(("workbin", value)) }
        case .transfer(let target):
            if let value = agent(target) { members.append(("targetId", value)) }
        case .startConference(let invitee), .endConference(let invitee):
            if let value = agent(invitee) { members.append(("agentId", value)) }
        case .accept, .reject, .stopProcessing, .unknown: break
        }
        return .mapping(members)
    }
}
