import ConformanceJSON
import ConformanceKit

/// What a target answered at a step whose expected body is a golden file.
public struct GoldenObservation: Sendable, Hashable {
    public var caseID: String
    /// The golden's path relative to `golden/`.
    public var path: String
    public var body: JSONValue
    /// The variables bound at that step (ids of interactions, agents), to turn volatile values back into templates.
    public var variables: [String: JSONValue]
    /// Whether the answer matched the golden as it is now.
    public var matched: Bool
}
