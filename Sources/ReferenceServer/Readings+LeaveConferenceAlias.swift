extension Readings {
    /// The alternatives of ``Reading/leaveConferenceAlias``: whether "LeaveConference" is an operation.
    public enum LeaveConferenceAlias: String, ReadingChoice {
        case absent
        case accepted

        public static var reading: Reading { .leaveConferenceAlias }

        public var summary: String {
            switch self {
            case .absent: "\"LeaveConference\" is refused as an unknown operation"
            case .accepted: "\"LeaveConference\" is accepted as a synonym of EndConference"
            }
        }
    }
}
