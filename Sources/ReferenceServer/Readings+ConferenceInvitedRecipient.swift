extension Readings {
    /// The alternatives of ``Reading/conferenceInvitedRecipient``: who receives InvitedConference.
    public enum ConferenceInvitedRecipient: String, ReadingChoice {
        case invitee
        case initiator

        public static var reading: Reading { .conferenceInvitedRecipient }

        public var summary: String {
            switch self {
            case .invitee: "the invited agent receives InvitedConference"
            case .initiator: "the agent that called StartConference receives InvitedConference"
            }
        }
    }
}
