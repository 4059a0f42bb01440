extension Readings {
    /// The alternatives of ``Reading/putBody``: what PUT /interactions/{id} takes.
    public enum PutBody: String, ReadingChoice {
        case properties
        case refused

        public static var reading: Reading { .putBody }

        public var summary: String {
            switch self {
            case .properties: "PUT with {\"properties\":{...}} merges them into the interaction"
            case .refused: "PUT is refused with 400 whatever the body, after the ownership checks"
            }
        }
    }
}
