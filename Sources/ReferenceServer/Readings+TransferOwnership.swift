extension Readings {
    /// The alternatives of ``Reading/transferOwnership``: when a transferred interaction changes owner.
    public enum TransferOwnership: String, ReadingChoice {
        case onAccept = "on-accept"
        case atOnce = "at-once"

        public static var reading: Reading { .transferOwnership }

        public var summary: String {
            switch self {
            case .onAccept: "Transfer invites the target (state Invited); it owns the interaction once it accepts"
            case .atOnce: "Transfer makes the target the owner at once and notifies it; its Accept is refused"
            }
        }
    }
}
