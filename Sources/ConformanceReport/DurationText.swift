import Foundation

/// Durations as people write them in profiles and on the command line: `250ms`, `5s`, `1.5` (seconds).
public enum DurationText {
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (number, scale): (Substring, Double) =
            if trimmed.hasSuffix("ms") {
                (trimmed.dropLast(2), 0.001)
            } else if trimmed.hasSuffix("s") {
                (trimmed.dropLast(), 1)
            } else {
                (Substring(trimmed), 1)
            }
        guard let value = Double(number), value >= 0, value.isFinite else { return nil }
        return .milliseconds(Int64((value * scale * 1000).rounded()))
    }

    /// Milliseconds as an integer, for reports.
    public static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Seconds with one decimal, for messages: "0.3".
    public static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(milliseconds(duration)) / 1000)
    }
}
