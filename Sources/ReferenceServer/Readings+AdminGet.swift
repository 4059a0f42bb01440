extension Readings {
    /// The alternatives of ``Reading/adminGet``: whether the admin may use the agent GET paths.
    public enum AdminGet: String, ReadingChoice {
        case refused
        case allowed

        public static var reading: Reading { .adminGet }

        public var summary: String {
            switch self {
            case .refused: "the admin is refused (403) on GET /me/interactions and GET /interactions/{id}"
            case .allowed: "the admin gets empty lists from GET /me/interactions and any GET /interactions/{id}"
            }
        }
    }
}
