import ConformanceCatalog
import ConformanceKit
import ConformanceModel

/// Writes a shrunk sequence as an operation file of the catalog's own format, ready to review and add: an
/// interaction whose invitation has reached agent1 (`given: invited`), then one step per explored step, each
/// expecting what the document allows there. The steps do not wait for notifications: on a target that routes
/// transfers or re-presented interactions later, add `notification:` steps before the agent that receives them
/// acts.
public enum ExploreCaseWriter {
    public static func yaml(
        id: String, title: String, requirement: String, steps: [ExploreStep], model: ModelProfile,
        profile: TargetProfile, trailer: [String] = [], comment: String
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
        var lines = comment.split(separator: "\n").map { "# " + $0 }
        lines += [
            "operation: \(operation ?? "GetMeInteractions")",
            "cases:",
            "  - id: \(id)",
            "    title: \(quoted(title))",
            "    requirements: [\(requirement)]",
            // Without a step, the finding is the invitation itself: start before it.
            "    given: \(steps.isEmpty ? "created" : "invited")",
            "    steps:",
        ]
        for (index, step) in steps.enumerated() {
            let allowedHere = index < allowed.count ? allowed[index] : nil
            lines += stepLines(step, allowed: allowedHere, requirement: requirement, profile: profile)
        }
        return (lines + trailer).joined(separator: "\n") + "\n"
    }

    static func stepLines(_ step: ExploreStep, allowed: StepExpectation?, requirement: String, profile: TargetProfile)
        -> [String]
    {
        switch step {
        case .listing(let agent), .uris(let agent):
            let uris: Bool
            if case .uris = step { uris = true } else { uris = false }
            let required = uris ? "ME-INTERACTIONS-URIS" : "ME-INTERACTIONS-FIELDS"
            var lines = [
                "      - request: {as: \(agent), path: \"/me/interactions\(uris ? "" : "?fields=*")\"}",
                "        expect:",
                "          - {status: 200, requirement: \(required)}",
            ]
            if case .listed(let listed) = allowed, listed.count == 1, let must = listed.first {
                let member = uris ? "uris" : "interactions"
                let element = uris ? "\"$regex:.*/${ix.id}\"" : "{id: \"${ix.id}\"}"
                let contains = "{$contains: [\(element)]}"
                lines.append(
                    "          - {body: {\(member): \(must ? contains : "{$not: \(contains)}")}, "
                        + "requirement: HANDLED-BY-AGENT}")
            }
            return lines
        case .operation(let agent, let operation):
            guard case .outcomes(let outcomes, let asked) = allowed else {
                return operationLines(agent, operation, expect: anyAnswer, profile: profile)
            }
            return operationLines(
                agent, operation, expect: expectation(outcomes, asked: asked ?? requirement), profile: profile)
        case .stray(let agent, let operation, let stray):
            let who: String
            switch stray {
            case .unknownId: who = agent
            case .noCredentials: who = "nobody"
            case .wrongPassword: who = "\(agent), password: wrong"
            }
            let path = stray == .unknownId ? "/me/interactions/NoSuchInteraction0001" : "/me/interactions/${ix.id}"
            return [
                "      - request: {as: \(who), method: POST, path: \"\(path)\", body: \(body(operation, profile: profile))}",
                "        expect: \(stray == .unknownId ? "error" : "unauthorized")",
            ]
        case .admin(let operation):
            return [
                "      - request: {as: admin, method: POST, path: \"/me/interactions/${ix.id}\", "
                    + "body: \(body(operation, profile: profile))}",
                "        expect: {forbidden: OPERATION-PERMISSIONS}",
            ]
        case .probe(let agent, let probe):
            var shown: Bool?
            if case .listed(let listed) = allowed, listed.count == 1 { shown = listed.first }
            return probeLines(probe, by: agent, shown: shown)
        case .pair(let first, let second):
            guard case .pair(let firstOutcomes, let secondOutcomes) = allowed else { return [] }
            return ["      # The next two steps were sent at once."]
                + operationLines(
                    first.agent, first.operation, expect: expectation(firstOutcomes, asked: requirement),
                    profile: profile)
                + operationLines(
                    second.agent, second.operation, expect: expectation(secondOutcomes, asked: requirement),
                    profile: profile)
        }
    }

    /// A probe as the catalog's cases for it write it; `shown`: whether the answer must show the interaction.
    static func probeLines(_ probe: ExploreProbe, by agent: String, shown: Bool?) -> [String] {
        let method = probe.body == nil ? "" : ", method: POST"
        let body = probe.body.map { ", body: \($0.compactText)" } ?? ""
        var lines = ["      - request: {as: \(agent)\(method), path: \"\(probe.pathTemplate)\"\(body)}"]
        let expectations = probe.expectations(by: agent, shown: shown)
        lines.append("        expect: \(expectations[0].yaml)")
        // The admin's reads: refused, or served (the reading admin-get).
        if expectations.count > 1 {
            lines += ["        observes: admin-get=refused", "        alternatives:"]
            lines += expectations.dropFirst().flatMap {
                ["          - observes: admin-get=allowed", "            expect: \($0.yaml)"]
            }
        }
        return lines
    }

    static let anyAnswer = "[{status: \"!5xx\", requirement: ERROR-NOT-5XX}]"

    /// The `expect:` of an operation the document allows these outcomes for.
    static func expectation(_ outcomes: Set<ModelOutcome>, asked: String) -> String {
        switch outcomes {
        case [.success]: "[{refused: false, requirement: \(asked)}]"
        case [.refusal]: "{forbidden: \(asked)}"
        default: anyAnswer
        }
    }

    static func operationLines(_ agent: String, _ operation: ModelOperation, expect: String, profile: TargetProfile)
        -> [String]
    {
        [
            "      - request: {as: \(agent), method: POST, path: \"/me/interactions/${ix.id}\", "
                + "body: \(body(operation, profile: profile))}",
            "        expect: \(expect)",
        ]
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
        case .accept, .reject, .stopProcessing, .unknown: break
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
