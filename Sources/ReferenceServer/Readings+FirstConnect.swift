extension Readings {
    /// The alternatives of ``Reading/firstConnect``: whether a session's first /meta/connect is held.
    public enum FirstConnect: String, ReadingChoice {
        case immediate
        case held

        public static var reading: Reading { .firstConnect }

        public var summary: String {
            switch self {
            case .immediate: "the first /meta/connect of a session is answered at once (the CometD behaviour)"
            case .held: "the first /meta/connect is held like later ones, until a message or the long-poll timeout"
            }
        }
    }
}
