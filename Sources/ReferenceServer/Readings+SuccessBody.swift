extension Readings {
    /// The alternatives of ``Reading/successBody``: a successful POST /me/interactions/{id}'s body.
    public enum SuccessBody: String, ReadingChoice {
        case okBody = "ok-body"
        case empty

        public static var reading: Reading { .successBody }

        public var summary: String {
            switch self {
            case .okBody: "answers HTTP 200 {\"status\":\"ok\"}, as the Output samples show"
            case .empty: "answers an empty HTTP 200, as the text of Accept and Reject says"
            }
        }
    }
}
