/// Switchable deviations from the document (for mutation testing of the suite).
///
/// The raw value is the name of the `--deviate` switch. Adding one is a case here, its `summary`, a check at the
/// one place where the behaviour breaks, and a line in the catalog's `specs/mutations.yaml` naming the
/// requirements it breaks (the server knows no requirement ids).
public enum Deviation: String, CaseIterable, Sendable {
    // REST answers
    case okUppercase = "ok-uppercase"
    case errorStatus200 = "error-status-200"
    case serverErrorRefusals = "server-error-refusals"
    case htmlErrorPages = "html-error-pages"
    case missingErrorDescription = "missing-error-description"
    case missingStatusCode = "missing-status-code"
    case statusCodeString = "status-code-string"
    case relativeURIs = "relative-uris"
    case paddedURIs = "padded-uris"
    case fieldsIgnored = "fields-ignored"
    case anyPassword = "any-password"
    case anonymousAllowed = "anonymous-allowed"
    case adminForbidden = "admin-forbidden"
    case unknownOperationOK = "unknown-operation-ok"
    case leaveConferenceOnly = "leave-conference-only"
    // Interaction behaviour, by operation
    case noInvitedNotification = "no-invited-notification"
    case acceptTwice = "accept-twice"
    case rejectNotRepresented = "reject-not-represented"
    case stopBeforeAccept = "stop-before-accept"
    case foreignActionAllowed = "foreign-action-allowed"
    case refusalsCarriedOut = "refusals-carried-out"
    case completedStillListed = "completed-still-listed"
    case queueKeepsOwner = "queue-keeps-owner"
    case propertiesNotUpdated = "properties-not-updated"
    case workbinNotPlaced = "workbin-not-placed"
    case noWorkbinContent = "no-workbin-content"
    case transferKeepsOwner = "transfer-keeps-owner"
    case transferNotifiesNobody = "transfer-notifies-nobody"
    case noInvitedConference = "no-invited-conference"
    case conferenceStateName = "conference-state-name"
    case conferenceInvitesThirdAgent = "conference-invites-third-agent"
    case noLeftConference = "no-left-conference"
    case endConferenceDropsOwner = "end-conference-drops-owner"
    // Bayeux
    case broadcastNotifications = "broadcast-notifications"
    case duplicateNotifications = "duplicate-notifications"
    case unknownClientAccepted = "unknown-client-accepted"
    case wrongChannel = "wrong-channel"

    /// What the switch breaks, in words.
    public var summary: String {
        switch self {
        case .okUppercase: "operations succeed with {\"status\":\"OK\"} instead of {\"status\":\"ok\"}"
        case .errorStatus200:
            "failed operations answer HTTP 200 with the error body instead of a 4xx (as refusal-status=200 does)"
        case .serverErrorRefusals: "refusals answer HTTP 500 with the error body instead of a 4xx"
        case .htmlErrorPages: "refusals (but 401) answer their 4xx with an HTML page instead of the error body"
        case .missingErrorDescription: "error bodies carry no errorDescription"
        case .missingStatusCode: "GET answers omit \"statusCode\":0"
        case .statusCodeString: "GET /me/interactions answers \"statusCode\":\"0\", a string"
        case .relativeURIs: "GET /me/interactions lists relative URIs instead of absolute URLs"
        case .paddedURIs: "GET /me/interactions pads each URI with spaces, as the document's sample does"
        case .fieldsIgnored: "GET /me/interactions?fields=* answers the uris form instead of the messages"
        case .anyPassword: "a known user name with a wrong password is let in"
        case .anonymousAllowed: "a request without an Authorization header is served as the first agent"
        case .adminForbidden: "GET /interactions refuses the Contact Center Admin"
        case .unknownOperationOK: "an unknown operationName succeeds and does nothing"
        case .leaveConferenceOnly: "only \"LeaveConference\" is accepted; \"EndConference\" is an unknown operation"
        case .noInvitedNotification: "a new interaction sends no Invited notification"
        case .acceptTwice: "accepting an interaction that is already accepted succeeds"
        case .rejectNotRepresented: "Reject succeeds but offers the interaction to no one and leaves it invited"
        case .stopBeforeAccept: "StopProcessing succeeds on an interaction that was never accepted"
        case .foreignActionAllowed: "an agent may act on an interaction it has no part in"
        case .refusalsCarriedOut:
            "a refused operation (the admin's included) is answered as refused but done anyway, without notifications"
        case .completedStillListed: "completed interactions stay in GET /me/interactions"
        case .queueKeepsOwner: "PlaceInQueue succeeds but the agent keeps the interaction"
        case .propertiesNotUpdated: "UpdateProperties succeeds but keeps the old properties"
        case .workbinNotPlaced: "PlaceInWorkbin succeeds but the interaction stays with the agent, not in the workbin"
        case .noWorkbinContent: "GetWorkbinContent succeeds but sends no WorkbinContent notification"
        case .transferKeepsOwner: "after Transfer the original agent still has the interaction"
        case .transferNotifiesNobody: "Transfer moves the interaction but sends no notification to anyone"
        case .noInvitedConference: "StartConference sends no InvitedConference notification"
        case .conferenceStateName: "StartConference invites with state \"ConferenceInvited\", not \"InvitedConference\""
        case .conferenceInvitesThirdAgent:
            "StartConference sends InvitedConference to an agent that is neither the invitee nor the initiator"
        case .noLeftConference: "EndConference sends no LeftConference notification"
        case .endConferenceDropsOwner: "the last agent left in a conference loses the interaction"
        case .broadcastNotifications: "every subscribed session gets every agent's notifications"
        case .duplicateNotifications: "every notification is delivered twice to its agent"
        case .unknownClientAccepted: "/meta/connect with an unknown clientId succeeds"
        case .wrongChannel: "notifications are published on /v2/interactions instead of /v2/me/interactions"
        }
    }
}
