/// An alternative of a reading that a step saw the target follow: `refusal-status=200`.
public struct Observation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The reading's name (`specs/readings.yaml`).
    public var reading: String
    /// The alternative the target follows.
    public var alternative: String

    public init(reading: String, alternative: String) {
        self.reading = reading
        self.alternative = alternative
    }

    /// Parses `NAME=ALTERNATIVE`.
    public init?(_ text: String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        reading = String(parts[0])
        alternative = String(parts[1])
    }

    public var description: String { "\(reading)=\(alternative)" }
}
