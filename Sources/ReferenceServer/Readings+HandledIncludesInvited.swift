extension Readings {
    /// The alternatives of ``Reading/handledIncludesInvited``: what GET /me/interactions lists.
    public enum HandledIncludesInvited: String, ReadingChoice {
        case acceptedOnly = "accepted-only"
        case invitedToo = "invited-too"

        public static var reading: Reading { .handledIncludesInvited }

        public var summary: String {
            switch self {
            case .acceptedOnly: "GET /me/interactions lists only interactions the agent is a participant of"
            case .invitedToo: "GET /me/interactions also lists interactions the agent is invited to"
            }
        }
    }
}
