extension Readings {
    /// The alternatives of ``Reading/refusalStatus``: the HTTP status of a refused request.
    public enum RefusalStatus: String, ReadingChoice {
        case clientError = "4xx"
        case ok = "200"

        public static var reading: Reading { .refusalStatus }

        public var summary: String {
            switch self {
            case .clientError:
                "answers a refusal with its 4xx status and {\"status\":\"error\",\"errorDescription\":...}"
            case .ok: "answers a refusal on the interaction paths with HTTP 200 and the same error body (401 stays 401)"
            }
        }
    }
}
