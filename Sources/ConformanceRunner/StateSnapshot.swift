import ConformanceJSON
import ConformanceKit

/// What the agents of a case can see of the case's interactions at one moment: the answers of the GETs that show
/// state, reduced to those interactions and stripped of volatile members. Two snapshots around a refused request
/// prove it changed nothing (ERROR-NO-CHANGE). Pure data and comparison; `CaseExecution` does the reading.
struct StateSnapshot: Sendable {
    /// One GET and what it showed.
    struct View: Sendable {
        /// Who read what: `agent1: GET /interactions/{id}`.
        var label: String
        /// The HTTP status; nil when the GET got no answer (such a view proves nothing and is not compared).
        var status: Int?
        var shown: JSONValue
    }

    /// One way the second snapshot differs from the first.
    struct Change: Sendable, Hashable {
        var label: String
        /// A JSON Pointer into what the GET showed; empty for its status.
        var pointer: String
        var before: String
        var after: String
    }

    var views: [View]

    /// Every difference between two snapshots of the same reads, in the order of the reads.
    static func changes(from before: StateSnapshot, to after: StateSnapshot) -> [Change] {
        var changes: [Change] = []
        for (old, new) in zip(before.views, after.views) where old.label == new.label {
            guard let oldStatus = old.status, let newStatus = new.status else { continue }
            if oldStatus != newStatus {
                changes.append(
                    Change(label: old.label, pointer: "", before: "HTTP \(oldStatus)", after: "HTTP \(newStatus)"))
                continue
            }
            for difference in JSONMatcher.diff(expected: old.shown, actual: new.shown) {
                changes.append(
                    Change(
                        label: old.label, pointer: difference.pointer.description, before: difference.expected,
                        after: difference.actual))
            }
            // What is there now and was not before (the matcher takes extra members as no difference).
            for difference in JSONMatcher.diff(expected: new.shown, actual: old.shown) where difference.kind == .missing
            {
                changes.append(
                    Change(
                        label: old.label, pointer: difference.pointer.description, before: "(absent)",
                        after: difference.expected))
            }
        }
        return changes
    }

    /// What a GET shows of the case's interactions: the lists of an answer (`interactions`, `uris`) keep only the
    /// items that name one of `ids`, in a stable order (another agent's or another case's items are not the case's
    /// to judge); volatile members (a server clock) go wherever they are.
    static func reduce(_ body: JSONValue, ids: [String], volatile: Set<String>) -> JSONValue {
        let stripped = strip(body, volatile)
        guard case .object(var object) = stripped else { return stripped }
        for key in ["interactions", "uris"] {
            guard case .array(let items)? = object[key] else { continue }
            let kept = items.filter { item in ids.contains { JSONMatcher.mentions($0, in: item) } }
            object[key] = .array(kept.sorted { $0.compactText < $1.compactText })
        }
        return .object(object)
    }

    private static func strip(_ value: JSONValue, _ volatile: Set<String>) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map { strip($0, volatile) })
        case .object(let object):
            var kept = JSONObject()
            for member in object where !volatile.contains(member.key) {
                kept[member.key] = strip(member.value, volatile)
            }
            return .object(kept)
        default:
            return value
        }
    }
}
