extension Readings {
    /// The alternatives of ``Reading/notificationChannel``: the channel interaction messages are published on.
    public enum NotificationChannel: String, ReadingChoice {
        case noSlash = "no-slash"
        case trailingSlash = "trailing-slash"

        public static var reading: Reading { .notificationChannel }

        public var summary: String {
            switch self {
            case .noSlash: "publishes on /v2/me/interactions (sessions may subscribe to either spelling)"
            case .trailingSlash: "publishes on /v2/me/interactions/, as the document writes it once"
            }
        }
    }
}
