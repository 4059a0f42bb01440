extension Readings {
    /// The alternatives of ``Reading/conferenceInvitee``: when a conference invitee becomes a participant.
    public enum ConferenceInvitee: String, ReadingChoice {
        case atOnce = "at-once"
        case onAccept = "on-accept"

        public static var reading: Reading { .conferenceInvitee }

        public var summary: String {
            switch self {
            case .atOnce: "StartConference makes the invitee a participant; its Accept is acknowledged"
            case .onAccept: "the invitee becomes a participant when it accepts InvitedConference"
            }
        }
    }
}
