extension Readings {
    /// The alternatives of ``Reading/getWorkbinContentId``: which interaction GetWorkbinContent's {id} names.
    public enum GetWorkbinContentId: String, ReadingChoice {
        case existing
        case ignored

        public static var reading: Reading { .getWorkbinContentId }

        public var summary: String {
            switch self {
            case .existing: "{id} must be an interaction that exists (404 otherwise)"
            case .ignored: "{id} is not looked at; any id works"
            }
        }
    }
}
