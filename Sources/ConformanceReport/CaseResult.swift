/// What happened in one case and the verdict on it.
public struct CaseResult: Sendable, Hashable, Codable {
    public var id: String
    public var operation: String
    public var title: String
    public var requirements: [String]
    public var verdict: Verdict
    public var durationMs: Int
    public var deviations: [Deviation]
    /// Observations that make a NOTE: readings of errata the target follows.
    public var notes: [String]
    /// Information that changes no verdict: extra fields, choices left open by the document.
    public var info: [String]
    /// Why the case could not be judged (ERROR) or does not apply (SKIP).
    public var error: String?
    /// The curl line of the first request with a deviation, else of the last request.
    public var curl: String?
    /// The exchanges and notifications of the case, in order, one line each.
    public var transcript: [String]
    /// Deviations the baseline waives, with the waiver's reason in `message`'s place kept as `waiver`.
    public var waived: [Deviation]?
    /// The reading alternatives the case saw the target follow, by reading name (sorted).
    public var readings: [String: [String]]?
    /// HTTP exchanges the case made (requests and fixture calls, one after the other): its chain of requests.
    public var exchanges: Int?
    /// SHA-256 of the case's definition in the catalog (its YAML, the presets and goldens it names), so that
    /// `conformance diff` can tell which cases changed between two catalogs.
    public var caseDigest: String?
    /// Each media type's verdict, when the run covered several (`verdict` is then the worst of them).
    public var mediaTypes: [MediaTypeVerdict]?

    public init(
        id: String,
        operation: String,
        title: String,
        requirements: [String],
        verdict: Verdict,
        durationMs: Int = 0,
        deviations: [Deviation] = [],
        notes: [String] = [],
        info: [String] = [],
        error: String? = nil,
        curl: String? = nil,
        transcript: [String] = [],
        readings: [String: [String]]? = nil
    ) {
        self.id = id
        self.operation = operation
        self.title = title
        self.requirements = requirements
        self.verdict = verdict
        self.durationMs = durationMs
        self.deviations = deviations
        self.notes = notes
        self.info = info
        self.error = error
        self.curl = curl
        self.transcript = transcript
        self.readings = readings
    }

    /// The verdict that follows from what was observed.
    public static func verdict(deviations: [Deviation], notes: [String], error: String?) -> Verdict {
        if error != nil { return .error }
        if deviations.contains(where: { $0.level == .must }) { return .fail }
        if deviations.contains(where: { $0.level == .should }) { return .warn }
        if !notes.isEmpty || !deviations.isEmpty { return .note }
        return .pass
    }
}
