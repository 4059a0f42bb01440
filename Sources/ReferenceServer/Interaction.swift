/// One interaction of the contact center.
struct Interaction: Sendable, Hashable {
    var id: String
    var mediaType: String
    var properties: JSONObject
    var status: InteractionStatus
    /// The agent currently invited (new interaction, Reject or Transfer); `nil` when nobody is.
    var invitee: String?
    /// Agents working on it, in order of joining: the first is the owner.
    var participants: [String] = []
    /// Agents invited by StartConference who have not accepted yet. Under `conference-invitee=at-once` they are
    /// participants already; under `on-accept` they are not until they accept (pending).
    var conferenceInvitees: Set<String> = []
    /// Agents who rejected it, skipped when it is offered again.
    var rejectedBy: Set<String> = []
    var queue: String?
    var workbins: [String] = []

    /// The InteractionStateMessage for this interaction with the given state.
    func message(state: InteractionState) -> JSONValue {
        .object(
            JSONObject([
                ("messageTypeName", "InteractionStateMessage"),
                ("id", .string(id)),
                ("state", .string(state.rawValue)),
                ("mediaType", .string(mediaType)),
                ("properties", .object(properties)),
            ])
        )
    }

    /// The message showing the current status; `invitation` is the server's name for the invited state.
    func currentMessage(invitation: InteractionState) -> JSONValue {
        message(state: status.messageState(invitation: invitation))
    }

    /// Whether `agentId` is invited to a conference on it but not yet a participant.
    func isPendingConferenceInvitee(_ agentId: String) -> Bool {
        conferenceInvitees.contains(agentId) && !participants.contains(agentId)
    }

    /// Whether `agentId` is invited to it: offered, transferred to, or invited to a conference and not yet a
    /// participant.
    func isInvited(_ agentId: String) -> Bool {
        invitee == agentId || isPendingConferenceInvitee(agentId)
    }
}
