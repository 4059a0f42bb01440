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
    /// Where a requirement's quote comes from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// The API document the suite certifies against (`specs/source/interactions-api-operations.txt`); the quote
        /// is its own words, which `conformance lint` checks.
        case document
        /// Another source named in `section` (RFC 9110, Bayeux 1.0, CometD); the quote is that source's wording.
        case external
    }

    public var id: String
    public var level: RequirementLevel
    /// Where the statement is: the document's section, or another source such as "Bayeux 1.0".
    public var section: String
    /// The quoted sentence or sample. Excerpts may be joined with " … "; see `isParaphrase` and `source`.
    public var quote: String
    /// What in the document is wrong or contradictory here, and which readings the suite accepts.
    public var erratum: String?
    /// Where the quote comes from (`source:` in requirements.yaml; the document by default).
    public var source: Source
    /// The quote restates the document in the suite's words, because no sentence of it says this
    /// (`paraphrase: true`); it is not checked against the document.
    public var isParaphrase: Bool
    /// The line of requirements.yaml where the requirement is written, for messages.
    public var line: Int?

    /// Whether `conformance lint` looks for the quote, word for word, in the document.
    public var isVerbatimDocumentQuote: Bool { source == .document && !isParaphrase }

    public init(
        id: String,
        level: RequirementLevel,
        section: String,
        quote: String,
        erratum: String? = nil,
        source: Source = .document,
        isParaphrase: Bool = false,
        line: Int? = nil
    ) {
        self.id = id
        self.level = level
        self.section = section
        self.quote = quote
        self.erratum = erratum
        self.source = source
        self.isParaphrase = isParaphrase
        self.line = line
    }
}
