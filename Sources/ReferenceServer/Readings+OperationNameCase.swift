extension Readings {
    /// The alternatives of ``Reading/operationNameCase``: how operationName is matched.
    public enum OperationNameCase: String, ReadingChoice {
        case exact
        case insensitive

        public static var reading: Reading { .operationNameCase }

        public var summary: String {
            switch self {
            case .exact: "operationName must match exactly; \"accept\" is unknown"
            case .insensitive: "operationName is matched in any letter case; \"accept\" is Accept"
            }
        }
    }
}
