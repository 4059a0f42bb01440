extension Readings {
    /// The alternatives of ``Reading/rejectRecipient``: which agent a rejected interaction is presented to.
    public enum RejectRecipient: String, ReadingChoice {
        case nextAgent = "next-agent"
        case anotherAgent = "another-agent"

        public static var reading: Reading { .rejectRecipient }

        public var summary: String {
            switch self {
            case .nextAgent: "presents it to the agent after the rejecting one, in the order of the agents"
            case .anotherAgent: "presents it to the last agent of the system (not rejecting, not working on it)"
            }
        }
    }
}
