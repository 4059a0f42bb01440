extension Readings {
    /// The alternatives of ``Reading/invitedState``: the state an invitation message names.
    public enum InvitedState: String, ReadingChoice {
        case invited = "Invited"
        case other

        public static var reading: Reading { .invitedState }

        public var summary: String {
            switch self {
            case .invited: "the invitation message has state \"Invited\""
            case .other: "the invitation message has state \"New\""
            }
        }
    }
}
