/// Switchable deviations from the document (for mutation testing of the suite).
///
/// The raw value is the name of the `--deviate` switch. Adding one is a case here, its `summary` and
/// `breaks`, and a check at the one place where the behaviour breaks.
public enum Deviation: String, CaseIterable, Sendable {
    // REST answers
    case okUppercase = "ok-uppercase"
    case errorStatus200 = "error-status-200"
    case missingErrorDescription = "missing-error-description"
    case missingStatusCode = "missing-status-code"
    case relativeURIs = "relative-uris"
    case paddedURIs = "padded-uris"
    case anyPassword = "any-password"
    case adminForbidden = "admin-forbidden"
    case unknownOperationOK = "unknown-operation-ok"
    case leaveConferenceOnly = "leave-conference-only"
    // Interaction behaviour
    case noInvitedNotification = "no-invited-notification"
    case acceptTwice = "accept-twice"
    case stopBeforeAccept = "stop-before-accept"
    case foreignActionAllowed = "foreign-action-allowed"
    case completedStillListed = "completed-still-listed"
    case propertiesNotUpdated = "properties-not-updated"
    case noWorkbinContent = "no-workbin-content"
    case transferKeepsOwner = "transfer-keeps-owner"
    case noInvitedConference = "no-invited-conference"
    case noLeftConference = "no-left-conference"
    case endConferenceDropsOwner = "end-conference-drops-owner"
    // Bayeux
    case broadcastNotifications = "broadcast-notifications"
    case unknownClientAccepted = "unknown-client-accepted"
    case wrongChannel = "wrong-channel"

    /// What the switch breaks, in words.
    public var summary: String {
        switch self {
        case .okUppercase: "operations succeed with {\"status\":\"OK\"} instead of {\"status\":\"ok\"}"
        case .errorStatus200: "failed operations answer HTTP 200 with the error body instead of a 4xx"
        case .missingErrorDescription: "error bodies carry no errorDescription"
        case .missingStatusCode: "GET answers omit \"statusCode\":0"
        case .relativeURIs: "GET /me/interactions lists relative URIs instead of absolute URLs"
        case .paddedURIs: "GET /me/interactions pads each URI with spaces, as the document's sample does"
        case .anyPassword: "a known user name with a wrong password is let in"
        case .adminForbidden: "GET /interactions refuses the Contact Center Admin"
        case .unknownOperationOK: "an unknown operationName succeeds and does nothing"
        case .leaveConferenceOnly: "only \"LeaveConference\" is accepted; \"EndConference\" is an unknown operation"
        case .noInvitedNotification: "a new interaction sends no Invited notification"
        case .acceptTwice: "accepting an interaction that is already accepted succeeds"
        case .stopBeforeAccept: "StopProcessing succeeds on an interaction that was never accepted"
        case .foreignActionAllowed: "an agent may act on an interaction it has no part in"
        case .completedStillListed: "completed interactions stay in GET /me/interactions"
        case .propertiesNotUpdated: "UpdateProperties succeeds but keeps the old properties"
        case .noWorkbinContent: "GetWorkbinContent succeeds but sends no WorkbinContent notification"
        case .transferKeepsOwner: "after Transfer the original agent still has the interaction"
        case .noInvitedConference: "StartConference sends no InvitedConference notification"
        case .noLeftConference: "EndConference sends no LeftConference notification"
        case .endConferenceDropsOwner: "the last agent left in a conference loses the interaction"
        case .broadcastNotifications: "every subscribed session gets every agent's notifications"
        case .unknownClientAccepted: "/meta/connect with an unknown clientId succeeds"
        case .wrongChannel: "notifications are published on /v2/interactions instead of /v2/me/interactions"
        }
    }

    /// The requirement ids the suite should report when this switch is on.
    public var breaks: [String] {
        switch self {
        case .okUppercase: ["OPERATION-SUCCESS-BODY"]
        case .errorStatus200: ["OPERATION-ERROR-STATUS"]
        case .missingErrorDescription: ["OPERATION-ERROR-BODY"]
        case .missingStatusCode: ["ME-INTERACTIONS-BODY", "INTERACTIONS-LIST-BODY"]
        case .relativeURIs: ["ME-INTERACTIONS-URIS"]
        case .paddedURIs: ["ME-INTERACTIONS-URIS"]
        case .anyPassword: ["AUTH-REQUIRED"]
        case .adminForbidden: ["INTERACTIONS-LIST-PERMISSIONS"]
        case .unknownOperationOK: ["OPERATION-UNKNOWN"]
        case .leaveConferenceOnly: ["ENDCONFERENCE-NAME"]
        case .noInvitedNotification: ["NOTIFY-INVITED"]
        case .acceptTwice: ["ACCEPT-STATE"]
        case .stopBeforeAccept: ["STOPPROCESSING-STATE"]
        case .foreignActionAllowed: ["PERMISSIONS-OWNER"]
        case .completedStillListed: ["STOPPROCESSING-ENDS-OWNERSHIP"]
        case .propertiesNotUpdated: ["UPDATEPROPERTIES-EFFECT"]
        case .noWorkbinContent: ["GETWORKBINCONTENT-NOTIFY"]
        case .transferKeepsOwner: ["TRANSFER-OWNERSHIP"]
        case .noInvitedConference: ["STARTCONFERENCE-NOTIFY"]
        case .noLeftConference: ["ENDCONFERENCE-LEFTCONFERENCE"]
        case .endConferenceDropsOwner: ["ENDCONFERENCE-OWNERSHIP"]
        case .broadcastNotifications: ["BAYEUX-PER-USER"]
        case .unknownClientAccepted: ["BAYEUX-UNKNOWN-CLIENT"]
        case .wrongChannel: ["NOTIFY-CHANNEL"]
        }
    }
}
