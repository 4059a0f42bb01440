import ConformanceReport

extension Baseline {
    /// What in the baseline cannot match anything the catalog judges: a waiver for a case id or a requirement id
    /// the catalog does not have (a typo would otherwise waive nothing, silently), and the same waiver twice. Each
    /// problem names the waiver by its place in `file`.
    public func problems(against catalog: Catalog, file: String) -> [String] {
        let caseIDs = catalog.cases.map(\.id)
        let requirementIDs = catalog.requirements.map(\.id)
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for (index, waiver) in waivers.enumerated() {
            let place = "\(file): waivers[\(index)]"
            if !caseIDs.contains(waiver.caseID) {
                problems.append(
                    "\(place).case '\(waiver.caseID)' is no case of the catalog"
                        + Suggestions.hint(for: waiver.caseID, in: caseIDs) + " (`conformance list` shows them)")
            }
            if catalog.requirement(waiver.requirement) == nil {
                problems.append(
                    "\(place).requirement '\(waiver.requirement)' is no requirement of the catalog"
                        + Suggestions.hint(for: waiver.requirement, in: requirementIDs))
            }
            if let earlier = seen[waiver.label] {
                problems.append("\(place) waives \(waiver.label) again, as waivers[\(earlier)] does")
            } else {
                seen[waiver.label] = index
            }
        }
        return problems
    }

    /// The cases of `run` a baseline cannot waive, grouped by reason: an ERROR was not judged, so there is no
    /// deviation to accept (fix the set-up or the target and run again). One line per reason, with its cases.
    public static func unwaivable(in run: RunResult) -> [String] {
        CaseResult.grouped(run.cases) { $0.verdict == .error ? $0.error ?? "not judged" : nil }.map { reason, ids in
            let listed = ids.prefix(4).joined(separator: ", ") + (ids.count > 4 ? ", …" : "")
            return "\(ids.count == 1 ? "1 case" : "\(ids.count) cases") ERROR (\(listed)): \(reason)"
        }
    }
}
