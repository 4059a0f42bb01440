/// One way the target broke a requirement, at one spot.
public struct Deviation: Sendable, Hashable, Codable {
    public var requirement: String
    public var level: RequirementLevel
    /// JSON Pointer into the answer or notification (`""`: the whole document or the HTTP status line).
    public var pointer: String
    public var expected: String
    public var actual: String
    public var message: String
    /// The erratum of the requirement, when the document is contradictory there.
    public var erratum: String?
    /// A curl line that reproduces the request involved.
    public var curl: String?
    /// Why the baseline waives this deviation (set on waived deviations only).
    public var waiver: String?
    /// True when an earlier step of the same case already deviated: this one may only follow from it.
    public var followsEarlier: Bool?
    /// The media type under which it happened, when the run covered several.
    public var mediaType: String?

    public init(
        requirement: String,
        level: RequirementLevel,
        pointer: String,
        expected: String,
        actual: String,
        message: String,
        erratum: String? = nil,
        curl: String? = nil
    ) {
        self.requirement = requirement
        self.level = level
        self.pointer = pointer
        self.expected = expected
        self.actual = actual
        self.message = message
        self.erratum = erratum
        self.curl = curl
    }
}

extension RequirementLevel: Codable {}
