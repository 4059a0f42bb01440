/// The alternative the server follows for every ``Reading``: the default unless told otherwise.
///
/// Readings are independent of each other, of the deviations and of the variant: any combination is a server the
/// suite must pass. The server asks ``follows(_:_:)`` with the alternative's name written out, so that a test can
/// check every name it asks about against the table of ``Reading``.
public struct Readings: Sendable, Hashable {
    /// The alternative chosen for each reading not at its default (a default is never stored, so equal choices are
    /// equal values).
    private var chosen: [Reading: String] = [:]

    /// Every reading at its default.
    public init() {}

    /// The readings `assignments` (each `NAME=ALTERNATIVE`) select, the others at their default.
    ///
    /// The same reading may be given twice only with the same alternative.
    public init(parsing assignments: [String]) throws(ReadingError) {
        var given: [Reading: String] = [:]
        for assignment in assignments {
            let (reading, alternative) = try Self.assignment(assignment)
            if let earlier = given[reading], earlier != alternative {
                throw .conflicting(reading: reading, alternatives: [earlier, alternative])
            }
            given[reading] = alternative
            try select(alternative, for: reading)
        }
    }

    /// The reading and alternative named by `NAME=ALTERNATIVE` (spaces around either are ignored).
    public static func assignment(_ text: String) throws(ReadingError) -> (reading: Reading, alternative: String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = trimmed(parts[0])
        guard parts.count == 2, !name.isEmpty else {
            throw .malformed(text)
        }
        guard let reading = Reading(rawValue: name) else {
            throw .unknownReading(name)
        }
        let alternative = trimmed(parts[1])
        guard reading.hasAlternative(alternative) else {
            throw .unknownAlternative(reading: reading, alternative: alternative)
        }
        return (reading, alternative)
    }

    /// The name of the alternative followed for `reading`.
    ///
    /// Setting a name that is not one of the reading's alternatives traps: it is a mistake in the code, not in input
    /// (input goes through ``select(_:for:)``).
    public subscript(reading: Reading) -> String {
        get { chosen[reading] ?? reading.defaultAlternative }
        set {
            Self.require(newValue, of: reading)
            chosen[reading] = newValue == reading.defaultAlternative ? nil : newValue
        }
    }

    /// Follows the alternative named `alternative` for `reading`.
    public mutating func select(_ alternative: String, for reading: Reading) throws(ReadingError) {
        guard reading.hasAlternative(alternative) else {
            throw .unknownAlternative(reading: reading, alternative: alternative)
        }
        self[reading] = alternative
    }

    /// Whether the server follows the alternative named `alternative` for `reading`.
    ///
    /// Write `alternative` as a literal: a name the reading does not have traps here, and `ReadingTableTests` checks
    /// every literal of the sources against the table, so a typo fails even on a path no test takes.
    public func follows(_ reading: Reading, _ alternative: String) -> Bool {
        Self.require(alternative, of: reading)
        return self[reading] == alternative
    }

    /// Stops the server where a chain of ``follows(_:_:)`` meant to cover every alternative of `reading` missed the
    /// one followed: a new alternative must be handled, not fall into some other branch.
    func unhandled(_ reading: Reading) -> Never {
        preconditionFailure("reading '\(reading.rawValue)': alternative '\(self[reading])' is not handled here")
    }

    /// The readings not at their default, as `NAME=ALTERNATIVE` in the order of ``Reading/allCases``.
    public var nonDefault: [String] {
        Reading.allCases.filter { self[$0] != $0.defaultAlternative }.map { "\($0.rawValue)=\(self[$0])" }
    }

    private static func require(_ alternative: String, of reading: Reading) {
        guard reading.hasAlternative(alternative) else {
            preconditionFailure(ReadingError.unknownAlternative(reading: reading, alternative: alternative).description)
        }
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
