/// The alternatives of one ``Reading`` as a type: each case is one alternative, its raw value the alternative's name,
/// and the first case the default.
public protocol ReadingChoice: RawRepresentable, CaseIterable, Sendable, Hashable
where RawValue == String, AllCases == [Self] {
    /// The reading these are the alternatives of.
    static var reading: Reading { get }
    /// What the server does under this alternative, in one line.
    var summary: String { get }
}

extension ReadingChoice {
    /// The default alternative.
    public static var standard: Self { allCases[0] }

    /// Every alternative with its summary, the default first.
    public static var alternatives: [Reading.Alternative] {
        allCases.map { Reading.Alternative(name: $0.rawValue, summary: $0.summary) }
    }

    /// The alternative called `name`.
    static func named(_ name: String) throws(ReadingError) -> Self {
        guard let choice = Self(rawValue: name) else {
            throw .unknownAlternative(reading: reading, alternative: name)
        }
        return choice
    }
}
