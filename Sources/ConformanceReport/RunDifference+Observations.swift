extension RunDifference {
    /// Readings whose followed alternatives changed (both runs saw the reading, differently), or that some case of
    /// both runs saw the target follow differently. A reading one run did not observe is not a change.
    package static func readingChanges(_ old: RunResult, _ new: RunResult) -> [ReadingChange] {
        guard let oldReadings = old.readings, let newReadings = new.readings else { return [] }
        let before = Dictionary(old.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ReadingChange] = []
        for reading in newReadings {
            let earlier = oldReadings.first { $0.name == reading.name }
            let was = earlier?.followed.map(\.name) ?? []
            let now = reading.followed.map(\.name)
            var cases: [ReadingChange.CaseReading] = []
            for result in new.cases {
                guard let seen = result.readings?[reading.name],
                    let seenBefore = before[result.id]?.readings?[reading.name], seen != seenBefore
                else { continue }
                cases.append(ReadingChange.CaseReading(caseID: result.id, old: seenBefore, new: seen))
            }
            guard (was != now && !was.isEmpty && !now.isEmpty) || !cases.isEmpty else { continue }
            changes.append(
                ReadingChange(
                    reading: reading.name, title: reading.title, requirement: reading.requirement, old: was, new: now,
                    cases: cases))
        }
        return changes
    }

    /// Shapes only one run received, and shapes both received with members added, removed or retyped.
    package static func shapeChanges(_ old: [MessageShape], _ new: [MessageShape]) -> [ShapeChange] {
        struct Key: Hashable, Comparable {
            package var kind: MessageShape.Kind
            package var name: String
            package static func < (lhs: Key, rhs: Key) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }
        }
        let before = Dictionary(old.map { (Key(kind: $0.kind, name: $0.name), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { (Key(kind: $0.kind, name: $0.name), $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [ShapeChange] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let was = before[key]?.members ?? [:]
            let now = after[key]?.members ?? [:]
            let added = now.keys.filter { was[$0] == nil }.sorted().map {
                ShapeChange.Member(path: $0, types: now[$0]!)
            }
            let removed = was.keys.filter { now[$0] == nil }.sorted().map {
                ShapeChange.Member(path: $0, types: was[$0]!)
            }
            let retyped = now.keys.filter { was[$0] != nil && was[$0] != now[$0] }.sorted().map {
                ShapeChange.Retyped(path: $0, old: was[$0]!, new: now[$0]!)
            }
            guard !added.isEmpty || !removed.isEmpty || !retyped.isEmpty else { continue }
            let change: ShapeChange.Change = before[key] == nil ? .added : (after[key] == nil ? .removed : .changed)
            changes.append(
                ShapeChange(
                    kind: key.kind, name: key.name, change: change, added: added, removed: removed, retyped: retyped,
                    examples: after[key]?.examples ?? before[key]?.examples ?? []))
        }
        return changes
    }
}
