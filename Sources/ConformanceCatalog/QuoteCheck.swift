import ConformanceReport
import Foundation

/// Checks that the quotes of the catalog's requirements are the API document's own words.
///
/// Every requirement whose `source` is the document and that is not a paraphrase must quote the document: each
/// excerpt of its quote (excerpts are joined with " … ") must occur in the document's text. Both sides are
/// normalised first: every run of whitespace (tabs, line breaks) becomes one space, and the `**` bold markers and
/// backticks of the text export are removed. The comparison is case-sensitive.
public enum QuoteCheck {
    /// A quote, or one excerpt of it, that the document does not contain.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The requirement whose quote it is.
        public var requirement: String
        /// The line of requirements.yaml where the requirement is written.
        public var line: Int?
        /// The excerpt not found, normalised.
        public var excerpt: String
        /// Whether the excerpt is one the requirement's erratum quotes, rather than its quote.
        public var inErratum = false

        public init(requirement: String, line: Int?, excerpt: String, inErratum: Bool = false) {
            self.requirement = requirement
            self.line = line
            self.excerpt = excerpt
            self.inErratum = inErratum
        }

        public var description: String {
            if inErratum {
                return "the erratum of \(requirement) quotes \"\(excerpt)\", which does not occur in "
                    + "\(QuoteCheck.documentPath); an erratum that quotes the document must quote it verbatim"
            }
            if excerpt.isEmpty {
                return "the quote of \(requirement) has an empty excerpt (nothing on one side of \" … \")"
            }
            return "the quote of \(requirement) is not the document's words: \"\(excerpt)\" does not occur in "
                + "\(QuoteCheck.documentPath); quote the document verbatim (an excerpt, or excerpts joined with "
                + "\" … \"), or mark the requirement `paraphrase: true` or `source: external`"
        }
    }

    /// The API document the catalog certifies against, relative to the catalog root.
    public static let documentPath = "specs/source/interactions-api-operations.txt"

    /// What joins two excerpts of one quote.
    public static let excerptSeparator = " \u{2026} "

    /// `text` with the `**` bold markers and backticks removed and every whitespace run made one space, trimmed.
    public static func normalize(_ text: String) -> String {
        let unmarked = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        var result = ""
        result.reserveCapacity(unmarked.count)
        var pendingSpace = false
        for character in unmarked {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// The excerpts of a quote, normalised: the parts between " … ". A quote that starts or ends with an ellipsis
    /// has an empty excerpt there.
    public static func excerpts(of quote: String) -> [String] {
        (" " + normalize(quote) + " ").components(separatedBy: excerptSeparator).map(normalize)
    }

    /// The excerpts of the verbatim document quotes among `requirements` that `document` does not contain, in
    /// catalog order.
    public static func problems(requirements: [Requirement], document: String) -> [Problem] {
        let text = normalize(document)
        var problems: [Problem] = []
        for requirement in requirements where requirement.isVerbatimDocumentQuote {
            for excerpt in excerpts(of: requirement.quote) where excerpt.isEmpty || !text.contains(excerpt) {
                problems.append(Problem(requirement: requirement.id, line: requirement.line, excerpt: excerpt))
            }
        }
        for requirement in requirements {
            for quoted in quotedWords(in: requirement.erratum ?? "") {
                for excerpt in excerpts(of: quoted) where !excerpt.isEmpty && !text.contains(excerpt) {
                    problems.append(
                        Problem(requirement: requirement.id, line: requirement.line, excerpt: excerpt, inErratum: true))
                }
            }
        }
        return problems
    }

    /// The passages an erratum quotes as words: each span between double quotes (straight or curly) of at least
    /// four words. Shorter spans are names ("LeaveConference", "OK") and JSON (`{"status":"ok"}`) is a sample, not
    /// words; neither is checked here.
    public static func quotedWords(in erratum: String) -> [String] {
        var spans: [String] = []
        var current: String?
        for character in erratum {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                if let open = current {
                    spans.append(open)
                    current = nil
                } else {
                    current = ""
                }
            } else if current != nil {
                current?.append(character)
            }
        }
        return spans.filter { span in
            let words = normalize(span).split(separator: " ")
            return words.count >= 4 && !span.contains("{") && !span.contains("}")
        }
    }

    /// Reads the requirements file and the document and checks every quote; each problem names the requirements
    /// file and the requirement's line. Throws when either file cannot be read or the requirements do not load.
    public static func check(requirementsFile: String, documentFile: String) throws(InputFileError) -> [InputFileError]
    {
        let requirements = try Catalog.loadRequirements(requirementsFile)
        let document = try readDocument(documentFile)
        return problems(requirements: requirements, document: document).map {
            InputFileError(file: requirementsFile, line: $0.line, message: $0.description)
        }
    }

    /// The document's text, or an error saying clearly that the document is missing.
    package static func readDocument(_ path: String) throws(InputFileError) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputFileError(
                file: path,
                message: "the API document is missing, so no quote of requirements.yaml can be checked; copy the "
                    + "document the suite certifies against (Interactions API Operations, text export) here, byte "
                    + "for byte"
            )
        }
        return try Catalog.readText(path)
    }
}
