/// A point the document leaves open, which the reference server implements every way (`--reading NAME=ALTERNATIVE`).
///
/// The raw value is the reading's name, shared with the suite's `specs/readings.yaml`. Its alternatives are the
/// cases of the matching choice type in ``Readings``; the first is the default.
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
    public var summary: String {
        switch self {
        case .successBody: "body of a successful POST /me/interactions/{id}"
        case .refusalStatus: "HTTP status of a refused request"
        case .notificationChannel: "spelling of the channel interaction messages are published on"
        case .invitedState: "state named by an invitation message"
        case .handledIncludesInvited: "whether GET /me/interactions lists invitations not accepted yet"
        case .conferenceInvitee: "when a conference invitee becomes a participant"
        case .conferenceInvitedRecipient: "who receives the InvitedConference message"
        case .transferOwnership: "when a transferred interaction changes owner"
        case .leaveConferenceAlias: "whether the sample's operation name \"LeaveConference\" is accepted"
        case .endConferenceAgent: "which agent EndConference's agentId names"
        case .getWorkbinContentId: "which interaction the {id} of GetWorkbinContent names"
        case .workbinForm: "form of PlaceInWorkbin's \"workbin\""
        case .firstConnect: "whether the first /meta/connect of a session is held"
        case .putBody: "body of PUT /interactions/{id}"
        case .adminGet: "whether the Contact Center Admin may use the agent GET paths"
        case .operationNameCase: "whether operationName is matched in another letter case"
        case .rejectRecipient: "which agent a rejected interaction is presented to"
        }
    }

    /// The alternatives the server implements, the default first.
    public var alternatives: [Alternative] {
        switch self {
        case .successBody: Readings.SuccessBody.alternatives
        case .refusalStatus: Readings.RefusalStatus.alternatives
        case .notificationChannel: Readings.NotificationChannel.alternatives
        case .invitedState: Readings.InvitedState.alternatives
        case .handledIncludesInvited: Readings.HandledIncludesInvited.alternatives
        case .conferenceInvitee: Readings.ConferenceInvitee.alternatives
        case .conferenceInvitedRecipient: Readings.ConferenceInvitedRecipient.alternatives
        case .transferOwnership: Readings.TransferOwnership.alternatives
        case .leaveConferenceAlias: Readings.LeaveConferenceAlias.alternatives
        case .endConferenceAgent: Readings.EndConferenceAgent.alternatives
        case .getWorkbinContentId: Readings.GetWorkbinContentId.alternatives
        case .workbinForm: Readings.WorkbinForm.alternatives
        case .firstConnect: Readings.FirstConnect.alternatives
        case .putBody: Readings.PutBody.alternatives
        case .adminGet: Readings.AdminGet.alternatives
        case .operationNameCase: Readings.OperationNameCase.alternatives
        case .rejectRecipient: Readings.RejectRecipient.alternatives
        }
    }

    /// The name of the alternative the server follows unless told otherwise.
    public var defaultAlternative: String {
        alternatives[0].name
    }
}
