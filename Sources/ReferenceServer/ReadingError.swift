/// A `--reading` argument the server cannot follow.
public enum ReadingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not of the form `NAME=ALTERNATIVE`.
    case malformed(String)
    /// No reading has this name.
    case unknownReading(String)
    /// The reading has no alternative of this name.
    case unknownAlternative(reading: Reading, alternative: String)
    /// The same reading is given two different alternatives.
    case conflicting(reading: Reading, alternatives: [String])

    public var description: String {
        description(listedBy: "--list-readings")
    }

    /// The message, pointing at `listing` (e.g. "--list-readings") for the list of readings.
    public func description(listedBy listing: String) -> String {
        switch self {
        case .malformed(let argument):
            "reading '\(argument)' is not NAME=ALTERNATIVE; \(listing) lists them"
        case .unknownReading(let name):
            "unknown reading '\(name)'; \(listing) lists them"
        case .unknownAlternative(let reading, let alternative):
            "reading '\(reading.rawValue)' has no alternative '\(alternative)' (alternatives: "
                + reading.alternatives.map(\.name).joined(separator: ", ") + ")"
        case .conflicting(let reading, let alternatives):
            "reading '\(reading.rawValue)' is given more than one alternative: "
                + alternatives.map { "'\($0)'" }.joined(separator: ", ")
        }
    }
}
