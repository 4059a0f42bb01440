/// The reference server's switches: deviations from the document, one at a time, for mutation testing of the
/// suite (a finding the suite reports is `ConformanceReport.Deviation`; this is what makes one).
///
/// The raw value is the name of the `--deviate` switch. Adding one is a case here, its `summary`, a check at the
/// one place where the behaviour breaks, and a line in the catalog's `specs/mutations.yaml` naming the
/// requirements it breaks (the server knows no requirement ids).
public enum Switch: String, CaseIterable, Sendable {
    // REST answers
    case okUppercase = "ok-uppercase"
    case okUppercaseAfterAccept = "ok-uppercase-after-accept"
    case okUppercaseEndConference = "ok-uppercase-end-conference"
    case chatOkUppercase = "chat-ok-uppercase"
    case successBodyMixed = "success-body-mixed"
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
    case adminGetEmpty = "admin-get-empty"
    case adminMayOperate = "admin-may-operate"
    case unknownOperationOK = "unknown-operation-ok"
    case unknownOperationServerError = "unknown-operation-server-error"
    case interactionDetailsMissing = "interaction-details-missing"
    case parametersUnchecked = "parameters-unchecked"
    case successStatus202 = "success-status-202"
    case errorsEchoCredentials = "errors-echo-credentials"
    case interactionsListEmpty = "interactions-list-empty"
    case leaveConferenceOnly = "leave-conference-only"
    // Interaction behaviour, by operation
    case noInvitedNotification = "no-invited-notification"
    case acceptTwice = "accept-twice"
    case acceptLeavesInvited = "accept-leaves-invited"
    case invitationAfterAccept = "invitation-after-accept"
    case rejectAfterAccept = "reject-after-accept"
    case updateBeforeAccept = "update-before-accept"
    case conferenceInviteeNeverJoins = "conference-invitee-never-joins"
    case rejectNotRepresented = "reject-not-represented"
    case stopBeforeAccept = "stop-before-accept"
    case foreignActionAllowed = "foreign-action-allowed"
    case refusalsCarriedOut = "refusals-carried-out"
    case completedStillListed = "completed-still-listed"
    case queueKeepsOwner = "queue-keeps-owner"
    case propertiesNotUpdated = "properties-not-updated"
    case workbinNotPlaced = "workbin-not-placed"
    case workbinStringServerError = "workbin-string-server-error"
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
    case strangersToldNested = "strangers-told-nested"
    case messageTypeMissing = "message-type-missing"
    case duplicateNotifications = "duplicate-notifications"
    case unknownClientAccepted = "unknown-client-accepted"
    case handshakeMisspellsClientId = "handshake-misspells-client-id"
    case wrongChannel = "wrong-channel"

    /// What the switch breaks, in words.
    public var summary: String {
        switch self {
        case .okUppercase: "operations succeed with {\"status\":\"OK\"} instead of {\"status\":\"ok\"}"
        case .okUppercaseAfterAccept: "operations other than Accept succeed with {\"status\":\"OK\"}"
        case .okUppercaseEndConference: "EndConference succeeds with {\"status\":\"OK\"}"
        case .chatOkUppercase: "Accept of a chat interaction succeeds with {\"status\":\"OK\"} (email is right)"
        case .successBodyMixed:
            "Accept succeeds with {\"status\":\"ok\"}, every other operation with an empty 200: both readings of "
                + "success-body in one run"
        case .workbinStringServerError:
            "the owner's PlaceInWorkbin with the workbin as a string answers HTTP 500 (and does nothing); the list form "
                + "works"
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
        case .adminMayOperate:
            "the Contact Center Admin's operations of POST /me/interactions/{id} are answered as successes (and, where "
                + "the interaction's owner could do them, done silently)"
        case .adminGetEmpty:
            "the Contact Center Admin's GET /me/interactions and GET /interactions/{id} answer {\"statusCode\":0} "
                + "alone: neither refused nor served"
        case .unknownOperationOK: "an unknown operationName succeeds and does nothing"
        case .unknownOperationServerError:
            "an unknown operationName (\"LeaveConference\", \"accept\" included) answers HTTP 500 with the error body"
        case .parametersUnchecked:
            "an operation whose parameter (queue, workbin, properties, targetId, agentId) is missing, of the wrong "
                + "type or names nothing known succeeds and does nothing"
        case .successStatus202: "successful operations answer HTTP 202 instead of 200"
        case .errorsEchoCredentials: "error bodies repeat the request's Authorization header in errorDescription"
        case .interactionsListEmpty: "GET /interactions answers an empty list"
        case .acceptLeavesInvited: "Accept answers ok and notifies, but the interaction stays an invitation"
        case .invitationAfterAccept: "Accept sends the invitation again after its own notification"
        case .rejectAfterAccept: "Reject of an interaction the agent accepted succeeds and does nothing"
        case .updateBeforeAccept: "UpdateProperties by the invited agent succeeds before it accepts"
        case .conferenceInviteeNeverJoins:
            "a conference invitee never becomes a party (never a participant), and its Accept is refused"
        case .messageTypeMissing:
            "top-level interaction messages (notifications and listings) carry no messageTypeName"
        case .interactionDetailsMissing:
            "GET /interactions/{id} answers {\"statusCode\":0,\"interactionId\":...} without the interaction's details"
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
        case .strangersToldNested:
            "every other agent's session is told of each interaction message in a nested member, by URI only"
        case .duplicateNotifications: "every notification is delivered twice to its agent"
        case .unknownClientAccepted: "/meta/connect with an unknown clientId succeeds"
        case .handshakeMisspellsClientId: "the /meta/handshake reply names its clientId \"clientID\""
        case .wrongChannel: "notifications are published on /v2/interactions instead of /v2/me/interactions"
        }
    }
}
