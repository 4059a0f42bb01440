import ConformanceJSON
import Foundation

/// Collects the shapes of what a case (or a whole run) received: for each answer key and notification type, the
/// member paths and their JSON types. Cheap: one walk of each body, no values kept.
public struct ShapeLog: Sendable, Hashable {
    package struct Key: Hashable, Comparable {
        package var kind: MessageShape.Kind
        package var name: String

        package init(kind: MessageShape.Kind, name: String) {
            self.kind = kind
            self.name = name
        }

        package static func < (lhs: Key, rhs: Key) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }
    }

    package struct Entry: Hashable {
        package var members: [String: Set<String>] = [:]
        package var examples: [String] = []

        package init(members: [String: Set<String>] = [:], examples: [String] = []) {
            self.members = members
            self.examples = examples
        }
    }

    private var entries: [Key: Entry] = [:]

    public init() {}

    /// The shapes of a saved report, to merge shards.
    public init(_ shapes: [MessageShape]) {
        for shape in shapes {
            entries[Key(kind: shape.kind, name: shape.name)] = Entry(
                members: shape.members.mapValues(Set.init), examples: shape.examples)
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds another log's shapes; call in catalog order so that examples are the first cases.
    public mutating func merge(_ other: ShapeLog) {
        for (key, entry) in other.entries {
            var merged = entries[key] ?? Entry()
            merged.members.merge(entry.members) { $0.union($1) }
            for example in entry.examples
            where merged.examples.count < MessageShape.exampleLimit && !merged.examples.contains(example) {
                merged.examples.append(example)
            }
            entries[key] = merged
        }
    }

    /// The shapes, sorted by kind and name.
    public var shapes: [MessageShape] {
        entries.keys.sorted().map { key in
            let entry = entries[key]!
            return MessageShape(
                kind: key.kind, name: key.name, members: entry.members.mapValues { $0.sorted() },
                examples: entry.examples)
        }
    }

    /// `caseID` is nil for what arrived while no case held the agent.
    package mutating func add(_ members: [String: Set<String>], to key: Key, caseID: String?) {
        var entry = entries[key] ?? Entry()
        entry.members.merge(members) { $0.union($1) }
        if let caseID, entry.examples.count < MessageShape.exampleLimit, !entry.examples.contains(caseID) {
            entry.examples.append(caseID)
        }
        entries[key] = entry
    }

    /// Members whose keys are data the cases chose (an interaction's free-form `properties`), not the target's
    /// shape: only their own type is recorded, or the shapes of a run would depend on which cases ran before.
    package static let freeFormMembers: Set<String> = ["properties", "userData"]

    /// Every member path of `value` with its JSON types; array elements all go under `*`.
    package static func members(of value: JSONValue) -> [String: Set<String>] {
        var members: [String: Set<String>] = [:]
        func walk(_ value: JSONValue, _ path: String) {
            members[path, default: []].insert(value.typeName)
            if let name = path.split(separator: "/").last, freeFormMembers.contains(String(name)) { return }
            switch value {
            case .object(let object):
                for member in object.members {
                    let escaped = member.key.replacingOccurrences(of: "~", with: "~0")
                        .replacingOccurrences(of: "/", with: "~1")
                    walk(member.value, path + "/" + escaped)
                }
            case .array(let elements):
                for element in elements { walk(element, path + "/*") }
            default:
                break
            }
        }
        walk(value, "")
        return members
    }

    /// `/me/interactions/${ix.id}?fields=*` → `/me/interactions/{id}?fields=*`: a placeholder keeps the last part
    /// of its name only.
    package static func placeholders(_ template: String) -> String {
        var result = ""
        var rest = template[...]
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                rest = rest[start.lowerBound...]
                break
            }
            let name = rest[start.upperBound..<end]
            result += "{" + (name.split(separator: ".").last.map(String.init) ?? "") + "}"
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
