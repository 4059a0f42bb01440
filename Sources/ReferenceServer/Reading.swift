/// A point the document leaves open, which the reference server implements every way (`--reading NAME=ALTERNATIVE`).
///
/// The raw value is the reading's name, shared with the suite's `specs/readings.yaml`. Adding a reading takes a case
/// here and its row in the table below (summary, then the alternatives, default first); the server then asks
/// ``Readings/follows(_:_:)`` where it behaves differently.
public enum Reading: String, CaseIterable, Sendable, Hashable {
    case successBody = "success-body"
    case refusalStatus = "refusal-status"
    case notificationChannel = "notification-channel"
    case invitedState = "invited-state"
    case handledIncludesInvited = "handled-includes-invited"
    case conferenceInvitee = "conference-invitee"
    case conferenceInvitedRecipient = "conference-invited-recipient"
    case transferOwnership = "transfer-ownership"
    case leaveConferenceAlias = "leaveconference-alias"
    case endConferenceAgent = "endconference-agent"
    case getWorkbinContentId = "getworkbincontent-id"
    case workbinForm = "workbin-form"
    case firstConnect = "first-connect"
    case putBody = "put-body"
    case adminGet = "admin-get"
    case operationNameCase = "operation-name-case"
    case rejectRecipient = "reject-recipient"

    /// The open point, in words.
    public var summary: String { row.summary }

    /// The alternatives the server implements, the default first.
    public var alternatives: [Alternative] {
        row.alternatives.map { Alternative(name: $0.key, summary: $0.value) }
    }

    /// The name of the alternative the server follows unless told otherwise.
    public var defaultAlternative: String {
        row.alternatives[0].key
    }

    /// Whether `name` is one of ``alternatives``.
    func hasAlternative(_ name: String) -> Bool {
        row.alternatives.contains { $0.key == name }
    }

    /// The open point and its alternatives (name: what the server then does), the default first.
    private struct Row {
        var summary: String
        var alternatives: KeyValuePairs<String, String>

        init(_ summary: String, _ alternatives: KeyValuePairs<String, String>) {
            self.summary = summary
            self.alternatives = alternatives
        }
    }

    /// The table of readings: one row per case, so the compiler asks for the row of a new one.
    private var row: Row {
        switch self {
        case .successBody:
            Row(
                "body of a successful POST /me/interactions/{id}",
                [
                    "ok-body": "answers HTTP 200 {\"status\":\"ok\"}, as the Output samples show",
                    "empty": "answers an empty HTTP 200, as the text of Accept and Reject says",
                ])
        case .refusalStatus:
            Row(
                "HTTP status of a refused request",
                [
                    "4xx": "answers a refusal with its 4xx status and {\"status\":\"error\",\"errorDescription\":...}",
                    "200":
                        "answers a refusal on the interaction paths with HTTP 200 and the same error body (401 stays 401)",
                ])
        case .notificationChannel:
            Row(
                "spelling of the channel interaction messages are published on",
                [
                    "no-slash": "publishes on /v2/me/interactions (sessions may subscribe to either spelling)",
                    "trailing-slash": "publishes on /v2/me/interactions/, as the document writes it once",
                ])
        case .invitedState:
            Row(
                "state named by an invitation message",
                [
                    "Invited": "the invitation message has state \"Invited\"",
                    "other": "the invitation message has state \"New\"",
                ])
        case .handledIncludesInvited:
            Row(
                "whether GET /me/interactions lists invitations not accepted yet",
                [
                    "accepted-only": "GET /me/interactions lists only interactions the agent is a participant of",
                    "invited-too": "GET /me/interactions also lists interactions the agent is invited to",
                ])
        case .conferenceInvitee:
            Row(
                "when a conference invitee becomes a participant",
                [
                    "at-once": "StartConference makes the invitee a participant; its Accept is acknowledged",
                    "on-accept": "the invitee becomes a participant when it accepts InvitedConference",
                ])
        case .conferenceInvitedRecipient:
            Row(
                "who receives the InvitedConference message",
                [
                    "invitee": "the invited agent receives InvitedConference",
                    "initiator": "the agent that called StartConference receives InvitedConference",
                ])
        case .transferOwnership:
            Row(
                "when a transferred interaction changes owner",
                [
                    "on-accept": "Transfer invites the target (state Invited); it owns the interaction once it accepts",
                    "at-once": "Transfer makes the target the owner at once and notifies it; its Accept is refused",
                ])
        case .leaveConferenceAlias:
            Row(
                "whether the sample's operation name \"LeaveConference\" is accepted",
                [
                    "absent": "\"LeaveConference\" is refused as an unknown operation",
                    "accepted": "\"LeaveConference\" is accepted as a synonym of EndConference",
                ])
        case .endConferenceAgent:
            Row(
                "which agent EndConference's agentId names",
                [
                    "leaver": "agentId names the participant that leaves; the caller must be a participant",
                    "caller": "agentId must name the calling agent; naming another agent is refused",
                ])
        case .getWorkbinContentId:
            Row(
                "which interaction the {id} of GetWorkbinContent names",
                [
                    "existing": "{id} must be an interaction that exists (404 otherwise)",
                    "ignored": "{id} is not looked at; any id works",
                ])
        case .workbinForm:
            Row(
                "form of PlaceInWorkbin's \"workbin\"",
                [
                    "either": "accepts a workbin name as a string or a non-empty list of names",
                    "string": "accepts only a string; a list is refused with 400",
                    "list": "accepts only a non-empty list of names; a string is refused with 400",
                ])
        case .firstConnect:
            Row(
                "whether the first /meta/connect of a session is held",
                [
                    "immediate": "the first /meta/connect of a session is answered at once (the CometD behaviour)",
                    "held": "the first /meta/connect is held like later ones, until a message or the long-poll timeout",
                ])
        case .putBody:
            Row(
                "body of PUT /interactions/{id}",
                [
                    "properties": "PUT with {\"properties\":{...}} merges them into the interaction",
                    "refused": "PUT is refused with 400 whatever the body, after the ownership checks",
                ])
        case .adminGet:
            Row(
                "whether the Contact Center Admin may use the agent GET paths",
                [
                    "refused": "the admin is refused (403) on GET /me/interactions and GET /interactions/{id}",
                    "allowed": "the admin gets empty lists from GET /me/interactions and any GET /interactions/{id}",
                ])
        case .operationNameCase:
            Row(
                "whether operationName is matched in another letter case",
                [
                    "exact": "operationName must match exactly; \"accept\" is unknown",
                    "insensitive": "operationName is matched in any letter case; \"accept\" is Accept",
                ])
        case .rejectRecipient:
            Row(
                "which agent a rejected interaction is presented to",
                [
                    "next-agent": "presents it to the agent after the rejecting one, in the order of the agents",
                    "another-agent": "presents it to the last agent of the system (not rejecting, not working on it)",
                ])
        }
    }
}
