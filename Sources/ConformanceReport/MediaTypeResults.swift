/// One media type's verdict on a case, when a run covers several media types (the profile's `mediaTypes`).
public struct MediaTypeVerdict: Sendable, Hashable, Codable {
    public var mediaType: String
    public var verdict: Verdict

    public init(mediaType: String, verdict: Verdict) {
        self.mediaType = mediaType
        self.verdict = verdict
    }
}

/// What a run over several media types found for one of them: its own summary and readings, since
/// "Functionality may vary from different media types".
public struct MediaTypeOutcome: Sendable, Hashable, Codable {
    public var mediaType: String
    public var summary: RunResult.Summary
    public var readings: [ReadingReport]?

    public init(mediaType: String, summary: RunResult.Summary, readings: [ReadingReport]?) {
        self.mediaType = mediaType
        self.summary = summary
        self.readings = readings
    }
}

/// Joins the results of one catalog run per media type into one result per case: the worst verdict, every
/// media type's verdict beside it, each deviation marked with its media type, and what differs told apart.
public enum MediaTypeResults {
    /// From the verdict that matters most to the one that matters least.
    static let severity: [Verdict] = [.error, .fail, .warn, .waived, .note, .pass, .skip]

    /// The verdict that matters most among `verdicts`.
    public static func worst(_ verdicts: [Verdict]) -> Verdict {
        severity.first { verdicts.contains($0) } ?? .pass
    }

    /// One result per case, in the order the columns first name them, from one column of results per media
    /// type (a column lacks the cases an interrupted run never started under its media type).
    public static func combine(_ columns: [(mediaType: String, results: [CaseResult])]) -> [CaseResult] {
        guard columns.count > 1 else { return columns.first?.results ?? [] }
        let byId = columns.map { column in
            (column.mediaType, Dictionary(column.results.map { ($0.id, $0) }) { earlier, _ in earlier })
        }
        var order: [String] = []
        var seen = Set<String>()
        for column in columns {
            for result in column.results where seen.insert(result.id).inserted { order.append(result.id) }
        }
        return order.map { id in
            let runs = byId.compactMap { mediaType, results in results[id].map { (mediaType, $0) } }
            var combined = combine(runs[0].1, runs)
            // A media type the case never ran under (the run ended first) is said, not left out.
            let missing = byId.map(\.0).filter { mediaType in !runs.contains { $0.0 == mediaType } }
            for mediaType in missing {
                combined.mediaTypes?.append(MediaTypeVerdict(mediaType: mediaType, verdict: .skip))
                combined.info.append("[\(mediaType)] not run: the run ended before the case started under it")
            }
            return combined
        }
    }

    private static func combine(_ base: CaseResult, _ runs: [(String, CaseResult)]) -> CaseResult {
        var combined = base
        combined.verdict = worst(runs.map(\.1.verdict))
        combined.mediaTypes = runs.map { MediaTypeVerdict(mediaType: $0.0, verdict: $0.1.verdict) }
        combined.durationMs = runs.reduce(0) { $0 + $1.1.durationMs }
        combined.exchanges = runs.compactMap(\.1.exchanges).reduce(nil) { ($0 ?? 0) + $1 }
        combined.deviations = runs.flatMap { mediaType, result in result.deviations.map { $0.marked(mediaType) } }
        combined.waived =
            runs.compactMap { mediaType, result in result.waived?.map { $0.marked(mediaType) } }
            .flatMap { $0 }.nilIfEmpty
        combined.notes = merged(runs.map { ($0.0, $0.1.notes) })
        combined.info = merged(runs.map { ($0.0, $0.1.info) })
        let errors = runs.compactMap { mediaType, result in result.error.map { (mediaType, $0) } }
        combined.error =
            errors.isEmpty
            ? nil
            : Set(errors.map(\.1)).count == 1 && errors.count == runs.count
                ? errors[0].1 : errors.map { "[\($0.0)] \($0.1)" }.joined(separator: "; ")
        let failing = runs.first { !$0.1.deviations.isEmpty || $0.1.error != nil }
        combined.curl = (failing ?? runs[0]).1.curl
        combined.transcript = runs.flatMap { mediaType, result in ["— media type \(mediaType) —"] + result.transcript }
        var readings: [String: [String]] = [:]
        for (_, result) in runs {
            for (name, alternatives) in result.readings ?? [:] {
                readings[name] = Array(Set(readings[name, default: []] + alternatives)).sorted()
            }
        }
        combined.readings = readings.isEmpty ? nil : readings
        return combined
    }

    /// Lines every media type gave once; the others marked with the media types that gave them.
    private static func merged(_ columns: [(String, [String])]) -> [String] {
        var order: [String] = []
        var givenBy: [String: [String]] = [:]
        for (mediaType, lines) in columns {
            for line in lines {
                if givenBy[line] == nil { order.append(line) }
                if givenBy[line]?.contains(mediaType) != true { givenBy[line, default: []].append(mediaType) }
            }
        }
        return order.map { line in
            let by = givenBy[line] ?? []
            return by.count == columns.count ? line : "[\(by.joined(separator: ", "))] \(line)"
        }
    }
}

extension Deviation {
    /// The deviation as seen under `mediaType`.
    func marked(_ mediaType: String) -> Deviation {
        var marked = self
        marked.mediaType = mediaType
        return marked
    }
}

extension Array {
    /// The array, or nil when it is empty (for optional report members that are left out when empty).
    package var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}

extension CaseResult {
    /// Each media type's verdict again, once a baseline waived some deviations: a media type whose every MUST and
    /// SHOULD deviation is waived is WAIVED; an ERROR or SKIP stays.
    package mutating func rejudgeMediaTypes() {
        mediaTypes = mediaTypes?.map { entry in
            guard entry.verdict != .error, entry.verdict != .skip else { return entry }
            let own = deviations.filter { $0.mediaType == entry.mediaType }
            var verdict = CaseResult.verdict(deviations: own, notes: [], error: nil)
            if verdict == .pass, entry.verdict == .note { verdict = .note }
            if verdict == .pass || verdict == .note,
                waived?.contains(where: { $0.mediaType == entry.mediaType }) == true
            {
                verdict = .waived
            }
            return MediaTypeVerdict(mediaType: entry.mediaType, verdict: verdict)
        }
    }
}

extension RunResult {
    /// Each media type's summary again, from the cases' media type verdicts (after a baseline changed them).
    package mutating func recountMediaTypes() {
        guard let outcomes = mediaTypes else { return }
        guard outcomes.count > 1 else {
            mediaTypes = outcomes.map {
                MediaTypeOutcome(mediaType: $0.mediaType, summary: summary, readings: $0.readings)
            }
            return
        }
        mediaTypes = outcomes.map { outcome in
            var recounted = outcome
            recounted.summary = RunResult.Summary(
                verdicts: cases.compactMap { $0.mediaTypes?.first { $0.mediaType == outcome.mediaType }?.verdict })
            return recounted
        }
    }
}

extension Deviation {
    /// The message as reports print it: with its media type first, when the run covered several.
    public var described: String {
        mediaType.map { "[\($0)] \(message)" } ?? message
    }
}

extension CaseResult {
    /// Each media type's verdict, `email PASS, chat FAIL`, when they differ; nil when they agree or the run
    /// covered one media type.
    public var mediaVerdicts: String? {
        guard let mediaTypes, Set(mediaTypes.map(\.verdict)).count > 1 else { return nil }
        return mediaTypes.map { "\($0.mediaType) \($0.verdict.rawValue)" }.joined(separator: ", ")
    }
}

extension RunResult {
    /// `email, chat` when the run covered several media types.
    public var mediaTypeNames: String? {
        guard let mediaTypes, mediaTypes.count > 1 else { return nil }
        return mediaTypes.map(\.mediaType).joined(separator: ", ")
    }
}
