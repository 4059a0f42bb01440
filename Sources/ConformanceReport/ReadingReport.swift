/// Which alternative of one reading the target follows, as a run observed it: the readings section of a report.
public struct ReadingReport: Sendable, Hashable, Codable {
    /// One alternative and how often the run saw the target follow it.
    public struct Alternative: Sendable, Hashable, Codable {
        public var name: String
        public var description: String
        /// SHOULD when following it breaks a SHOULD of the catalog (the cases WARN).
        public var level: RequirementLevel?
        /// How many cases (or, for the channel, messages) showed it.
        public var count: Int
        /// Up to three cases that showed it.
        public var examples: [String]

        package init(name: String, description: String, level: RequirementLevel? = nil, count: Int, examples: [String])
        {
            self.name = name
            self.description = description
            self.level = level
            self.count = count
            self.examples = examples
        }
    }

    public var name: String
    public var title: String
    /// The requirement whose clause leaves the point open.
    public var requirement: String
    public var observable: Bool
    public var observedBy: String
    /// What `count` counts: "cases" or "messages".
    public var unit: String
    /// Every alternative, in the catalog's order.
    public var alternatives: [Alternative]

    package init(
        name: String, title: String, requirement: String, observable: Bool, observedBy: String, unit: String,
        alternatives: [Alternative]
    ) {
        self.name = name
        self.title = title
        self.requirement = requirement
        self.observable = observable
        self.observedBy = observedBy
        self.unit = unit
        self.alternatives = alternatives
    }

    /// The alternatives the target was seen to follow (one when it is consistent, none when not observed).
    public var followed: [Alternative] { alternatives.filter { $0.count > 0 } }

    /// One line for the console and the Markdown report: "Spelling of the notification channel: no-slash — ...".
    public var line: String {
        let followed = followed
        guard observable else { return "\(title): \(observedBy)" }
        switch followed.count {
        case 0:
            return "\(title): not observed in this run"
        case 1:
            let alternative = followed[0]
            return "\(title): \(alternative.name) — \(alternative.description)"
                + (alternative.level == .should ? " (WARN)" : "") + " [\(alternative.count) \(noun(alternative.count))]"
        default:
            return "\(title): MIXED — "
                + followed.map { alternative in
                    "\(alternative.name) in \(alternative.count) \(noun(alternative.count)) ("
                        + alternative.examples.joined(separator: ", ") + (alternative.count > 3 ? ", …" : "") + ")"
                }.joined(separator: "; ")
        }
    }

    /// What the target follows, for a table cell: the alternatives it was seen to follow (MIXED when several),
    /// "not observed", or "not told apart" for a reading no case can tell.
    public var followedText: String {
        let followed = followed
        guard observable else { return "not told apart" }
        guard !followed.isEmpty else { return "not observed" }
        let text = followed.map { alternative in
            "\(alternative.name): \(alternative.description)" + (alternative.level == .should ? " (WARN)" : "")
        }.joined(separator: "; ")
        return followed.count > 1 ? "MIXED — " + text : text
    }

    /// `unit`, singular for one.
    public func noun(_ count: Int) -> String {
        count == 1 ? String(unit.dropLast()) : unit
    }

    /// The readings of shards joined: counts added, examples kept up to three. Nil when no shard had any.
    public static func merge(_ shards: [[ReadingReport]]) -> [ReadingReport]? {
        guard var merged = shards.first else { return nil }
        for shard in shards.dropFirst() {
            for reading in shard {
                guard let index = merged.firstIndex(where: { $0.name == reading.name }) else {
                    merged.append(reading)
                    continue
                }
                for alternative in reading.alternatives {
                    guard let slot = merged[index].alternatives.firstIndex(where: { $0.name == alternative.name })
                    else { continue }
                    merged[index].alternatives[slot].count += alternative.count
                    merged[index].alternatives[slot].examples = Array(
                        (merged[index].alternatives[slot].examples + alternative.examples).prefix(3))
                }
            }
        }
        return merged
    }
}
