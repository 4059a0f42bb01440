import ConformanceJSON
import ConformanceKit
import Foundation

/// Turns observed answers into golden files: canonical JSON with volatile values replaced by templates and
/// matchers, so a reviewer approves a readable diff (`conformance record`).
public enum GoldenRecorder {
    /// Which goldens `record` rewrites.
    public enum Mode: String, Sendable, CaseIterable {
        /// Only goldens that do not exist yet.
        case missing
        /// Goldens the target's answer did not match.
        case failed
        /// Every golden the run observed.
        case all
    }

    /// One golden to write, with the line diff against what is committed.
    public struct Change: Sendable, Hashable {
        public var path: String
        public var text: String
        public var diff: [String]
        public var isNew: Bool
    }

    /// The goldens to write for these observations (the first observation of each path wins).
    public static func changes(_ observations: [GoldenObservation], mode: Mode, goldenRoot: String) -> [Change] {
        var seen = Set<String>()
        var changes: [Change] = []
        for observation in observations where seen.insert(observation.path).inserted {
            let file = (goldenRoot as NSString).appendingPathComponent(observation.path)
            let old = try? String(contentsOfFile: file, encoding: .utf8)
            switch mode {
            case .missing where old != nil: continue
            case .failed where old != nil && observation.matched: continue
            default: break
            }
            let text = generalize(observation.body, variables: observation.variables).canonicalText
            guard text != old else { continue }
            changes.append(
                Change(path: observation.path, text: text, diff: lineDiff(old: old ?? "", new: text), isNew: old == nil)
            )
        }
        return changes
    }

    /// Replaces volatile values: a bound variable's value becomes `${name}`, a URL ending in one becomes a
    /// `$regex:` with the template, date-times become `$string`, and a list shared with other cases' interactions
    /// becomes `$contains` of the elements that mention this case's values.
    public static func generalize(_ value: JSONValue, variables: [String: JSONValue]) -> JSONValue {
        let volatile = variables.filter { name, value in
            guard let text = value.stringValue, text.count >= 6 else { return false }
            return name.hasSuffix(".id") || !["baseURL", "notificationsURL"].contains(name) && name.contains("Id")
        }
        func visit(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text):
                if let (name, _) = volatile.first(where: { $0.value.stringValue == text }) {
                    return .string("${\(name)}")
                }
                if text.hasPrefix("http"),
                    let (name, bound) = volatile.first(where: {
                        text.hasSuffix("/" + ($0.value.stringValue ?? "\u{0}"))
                    }), let id = bound.stringValue
                {
                    let path = URL(string: text)?.path ?? ""
                    let stem = String(path.dropLast(id.count))
                    return .string(
                        "$regex:https?://[^\\s]+"
                            + NSRegularExpression.escapedPattern(for: stem).replacingOccurrences(of: "\\/", with: "/")
                            + "${\(name)}")
                }
                if text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression) != nil {
                    return "$string"
                }
                if text.hasPrefix("$") { return .string("$" + text) }
                return value
            case .array(let elements):
                // Other cases' interactions may share the list: keep the elements this case is about.
                let visited = elements.map(visit)
                let own = visited.filter { $0.compactText.contains("${") }
                guard !own.isEmpty else { return .array(visited) }
                return ["$contains": .array(own)]
            case .object(let object):
                return .object(JSONObject(object.map { JSONObject.Member(key: $0.key, value: visit($0.value)) }))
            default: return value
            }
        }
        return visit(value)
    }

    /// A minimal line diff (longest common subsequence): `-` old lines, `+` new lines, two spaces for the same.
    public static func lineDiff(old: String, new: String) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append("  " + a[i])
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                lines.append("- " + a[i])
                i += 1
            } else {
                lines.append("+ " + b[j])
                j += 1
            }
        }
        return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
