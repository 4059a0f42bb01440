/// The `state` values of InteractionStateMessages that the reference server sends.
enum InteractionState: String, Sendable, Hashable, CaseIterable {
    case invited = "Invited"
    /// The invitation's state under `invited-state=other`.
    case new = "New"
    case accepted = "Accepted"
    case rejected = "Rejected"
    case completed = "Completed"
    case queued = "Queued"
    case propertiesUpdated = "PropertiesUpdated"
    case placedInWorkbin = "PlacedInWorkbin"
    case inWorkbin = "InWorkbin"
    case transferred = "Transferred"
    case invitedConference = "InvitedConference"
    /// Only sent by the `conference-state-name` deviation.
    case conferenceInvited = "ConferenceInvited"
    case leftConference = "LeftConference"
}
