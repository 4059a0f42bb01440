/// How binding a requirement is, which decides the verdict when it breaks.
public enum RequirementLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Breaking it is a FAIL.
    case must = "MUST"
    /// Breaking it is a WARN (a FAIL under `--strict`).
    case should = "SHOULD"
    /// Observed and reported, never failed.
    case info = "INFO"

    private var rank: Int {
        switch self {
        case .must: 0
        case .should: 1
        case .info: 2
        }
    }

    public static func < (lhs: RequirementLevel, rhs: RequirementLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One statement of the API document (or of a convention it relies on), quoted, with the id cases cite.
public struct Requirement: Sendable, Hashable, Identifiable {
    public var id: String
    public var level: RequirementLevel
    /// Where the statement is: the document's section, or another source such as "Bayeux 1.0".
    public var section: String
    /// The quoted sentence or sample.
    public var quote: String
    /// What in the document is wrong or contradictory here, and which readings the suite accepts.
    public var erratum: String?

    public init(id: String, level: RequirementLevel, section: String, quote: String, erratum: String? = nil) {
        self.id = id
        self.level = level
        self.section = section
        self.quote = quote
        self.erratum = erratum
    }
}
