extension Readings {
    /// The alternatives of ``Reading/endConferenceAgent``: which agent EndConference's agentId names.
    public enum EndConferenceAgent: String, ReadingChoice {
        case leaver
        case caller

        public static var reading: Reading { .endConferenceAgent }

        public var summary: String {
            switch self {
            case .leaver: "agentId names the participant that leaves; the caller must be a participant"
            case .caller: "agentId must name the calling agent; naming another agent is refused"
            }
        }
    }
}
