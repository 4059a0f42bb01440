import ConformanceCatalog
import ConformanceJSON
import ConformanceModel

/// The notification matchers of the explorer, as JSON values: what it judges messages by, and what the case it
/// writes from a finding carries, from the same value.
extension Explorer {
    /// The matcher of a notice, which the explorer judges by and the written case carries; nil for one that needs
    /// the invitation's state when the invitation named none.
    static func matcher(_ kind: Notice.Kind, invitedState: String? = nil) -> JSONValue? {
        switch kind {
        case .stateMessage:
            return ["$anywhere": ["messageTypeName": "InteractionStateMessage", "id": "${ix.id}"]]
        case .afterInvitation:
            guard let state = invitedState else { return nil }
            return [
                "$anywhere": [
                    "messageTypeName": "InteractionStateMessage", "id": "${ix.id}", "state": ["$not": .string(state)],
                ]
            ]
        case .invitation:
            // The message itself, not an entry of a list (a workbin's content repeats the interaction's messages).
            guard let state = invitedState else { return nil }
            return ["id": "${ix.id}", "state": .string(state)]
        case .state(let state):
            return ["$anywhere": ["id": "${ix.id}", "state": .string(state)]]
        case .workbinContent:
            // A list of InteractionStateMessages, or an empty list in a message that is not one itself.
            return [
                "$oneOf": [
                    ["$anywhere": ["$contains": [["messageTypeName": "InteractionStateMessage"]]]],
                    ["$allOf": [["$anywhere": []], ["$not": ["messageTypeName": "InteractionStateMessage"]]]],
                ]
            ]
        case .workbinListing:
            return ["$anywhere": ["$contains": [["messageTypeName": "InteractionStateMessage", "id": "${ix.id}"]]]]
        }
    }

    /// Any mention of the interaction: its id as a value, or inside one (a URI in a nested member).
    static let mentions: JSONValue = ["$mentions": "${ix.id}"]

    /// A `notification:` step of the written case.
    static func notificationStep(agents: [String], match: JSONValue, requirement: String) -> YAMLValue {
        let agent: YAMLValue = agents.count == 1 ? .text(agents[0]) : .sequence(agents.map(YAMLValue.text))
        return ["notification": ["agent": agent, "match": YAMLValue(json: match), "requirement": .text(requirement)]]
    }

    /// A `noNotification:` step of the written case; `sinceStep`: only what came after the last step counts.
    static func noNotificationStep(agent: String, match: JSONValue, sinceStep: Bool = false, requirement: String)
        -> YAMLValue
    {
        let since: [(key: String, value: YAMLValue)] = sinceStep ? [("since", "step")] : []
        return [
            "noNotification": .mapping(
                [("agent", .text(agent)), ("match", YAMLValue(json: match))] + since
                    + [("requirement", .text(requirement))])
        ]
    }

    /// The explorer's own matcher, with `${ix.id}` bound to the interaction. Its matchers are constants of this
    /// module (every one is judged by the tests), so one that does not read is a defect here, said at once.
    static func pattern(_ template: JSONValue, id: String) -> JSONPattern {
        do {
            return try JSONPattern(reading: Template.substitute(template, ["ix.id": .string(id)]))
        } catch {
            preconditionFailure("explore's matcher \(template.compactText) does not read: \(error)")
        }
    }
}
