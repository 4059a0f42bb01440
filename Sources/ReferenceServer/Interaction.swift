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
    /// Participants added by StartConference who have not accepted yet.
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

    /// The message showing the current status.
    var currentMessage: JSONValue {
        message(state: status.messageState)
    }
}
