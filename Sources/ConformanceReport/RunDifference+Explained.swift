extension RunDifference {
    /// Verdict changes that one changed reading explains, counted together: "56 cases PASS → WARN on
    /// ERROR-HTTP-4XX: refusal-status changed from 4xx to 200".
    public struct ExplainedGroup: Sendable, Hashable {
        public var reading: String
        public var old: Verdict
        public var new: Verdict
        public var direction: Direction
        /// The reading's requirement, when the changes broke or fixed it.
        public var requirements: [String]
        /// The alternatives the cases followed before and after.
        public var from: [String]
        public var to: [String]
        public var cases: [String]
    }

    /// Each change marked with the reading that explains it, if one does: the case saw another alternative of
    /// that reading than before (or saw it only now: a refusal judged by a bare `refused: true` records the
    /// reading only when it is answered 200), and every requirement it newly breaks or fixes is the reading's own.
    package static func explain(
        _ changes: [VerdictChange], by readings: [ReadingChange], old: RunResult, new: RunResult
    ) -> [VerdictChange] {
        let before = Dictionary(old.cases.map { ($0.id, $0.readings ?? [:]) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.cases.map { ($0.id, $0.readings ?? [:]) }, uniquingKeysWith: { first, _ in first })
        return changes.map { change in
            var change = change
            change.explainedBy =
                readings.first { reading in
                    let now = after[change.caseID]?[reading.reading]
                    return now != nil && now != before[change.caseID]?[reading.reading]
                        && (change.broken + change.fixed).allSatisfy { $0 == reading.requirement }
                }?.reading
            return change
        }
    }

    /// Regressions first, worst first (FAIL, ERROR, WARN), the unexplained before those a reading explains; then
    /// fixes, then other changes. Stable: within a rank, the new run's order.
    package static func ordered(_ changes: [VerdictChange]) -> [VerdictChange] {
        func severity(_ verdict: Verdict) -> Int {
            switch verdict {
            case .fail: 0
            case .error: 1
            case .warn: 2
            default: 3
            }
        }
        let direction = Dictionary(uniqueKeysWithValues: Direction.allCases.enumerated().map { ($1, $0) })
        return changes.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            let left = (direction[x.direction]!, x.explainedBy == nil ? 0 : 1, severity(x.new), a.offset)
            let right = (direction[y.direction]!, y.explainedBy == nil ? 0 : 1, severity(y.new), b.offset)
            return left < right
        }.map(\.element)
    }

    /// The changes a changed reading explains, one group per reading, direction, old and new verdict.
    public var explainedGroups: [ExplainedGroup] {
        var groups: [ExplainedGroup] = []
        for change in verdictChanges {
            guard let name = change.explainedBy else { continue }
            let reading = readings.first { $0.reading == name }
            if let index = groups.firstIndex(where: {
                $0.reading == name && $0.old == change.old && $0.new == change.new
            }) {
                groups[index].cases.append(change.caseID)
                for requirement in change.broken + change.fixed where !groups[index].requirements.contains(requirement)
                {
                    groups[index].requirements.append(requirement)
                }
            } else {
                groups.append(
                    ExplainedGroup(
                        reading: name, old: change.old, new: change.new, direction: change.direction,
                        requirements: change.broken + change.fixed, from: reading?.old ?? [], to: reading?.new ?? [],
                        cases: [change.caseID]))
            }
        }
        return groups
    }

    /// The verdict changes no changed reading explains, in report order.
    public var unexplainedChanges: [VerdictChange] { verdictChanges.filter { $0.explainedBy == nil } }

    /// "56 cases PASS → WARN on ERROR-HTTP-4XX: refusal-status changed from 4xx to 200".
    package static func groupText(_ group: ExplainedGroup) -> String {
        let count = group.cases.count == 1 ? "1 case" : "\(group.cases.count) cases"
        let on = group.requirements.isEmpty ? "" : " on " + group.requirements.joined(separator: ", ")
        return "\(count) \(group.old.rawValue) → \(group.new.rawValue)\(on): \(group.reading) changed from "
            + "\(alternativesText(group.from)) to \(alternativesText(group.to))"
    }

    /// "a, b, c … and 53 more".
    package static func casesText(_ cases: [String], shown: Int) -> String {
        cases.prefix(shown).joined(separator: ", ")
            + (cases.count > shown ? " … and \(cases.count - shown) more" : "")
    }
}
