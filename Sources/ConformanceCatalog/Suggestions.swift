/// "Did you mean …?" for a name that is not known: the known names closest to it by edit distance.
public enum Suggestions {
    /// Up to `limit` of `known` within a few edits of `name` (or sharing its first word), closest first.
    public static func closest(to name: String, in known: [String], limit: Int = 3) -> [String] {
        let lowered = name.lowercased()
        let tolerance = max(2, lowered.count / 4)
        let scored = known.map { ($0, distance(lowered, $0.lowercased())) }.filter { $0.1 <= tolerance }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// ` (did you mean a, b?)`, or nothing when no known name is close.
    public static func hint(for name: String, in known: [String]) -> String {
        let close = closest(to: name, in: known)
        return close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
