import ConformanceCatalog
import ConformanceKit
import ConformanceReport

/// A target answers an open point of the document one way: a reading seen followed both ways in one run (MIXED)
/// is a WARN of READING-CONSISTENT on the cases of the less common side, naming the cases on each side. Pure.
enum ReadingConsistency {
    static let requirement = "READING-CONSISTENT"

    /// The results with that deviation added (and their verdicts made again) where a reading is MIXED.
    static func judge(_ results: [CaseResult], readings: [ReadingDefinition], catalog: Catalog) -> [CaseResult] {
        guard let stated = catalog.requirement(requirement) else { return results }
        var results = results
        for reading in readings {
            let sides = reading.alternatives.map { alternative in
                (
                    alternative.name,
                    results.indices.filter { results[$0].readings?[reading.name]?.contains(alternative.name) == true }
                )
            }.filter { !$0.1.isEmpty }
            guard sides.count > 1 else { continue }
            // The side most cases show is taken as the target's answer; ties go to the earlier alternative.
            let main = sides.dropFirst().reduce(sides[0]) { best, side in side.1.count > best.1.count ? side : best }
            let named = sides.map { name, indices in
                "\(reading.name)=\(name) in " + indices.prefix(5).map { results[$0].id }.joined(separator: ", ")
                    + (indices.count > 5 ? " and \(indices.count - 5) more" : "")
            }.joined(separator: "; ")
            for (name, indices) in sides where name != main.0 {
                for index in indices
                where !results[index].deviations.contains(where: {
                    $0.requirement == requirement && $0.pointer == "/readings/\(reading.name)"
                }) {
                    results[index].deviations.append(
                        Deviation(
                            requirement: requirement,
                            level: stated.level,
                            pointer: "/readings/\(reading.name)",
                            expected: "\(reading.name)=\(main.0), as in the other cases",
                            actual: "\(reading.name)=\(name)",
                            message: "\(reading.title): the target answers this open point both ways in one run ("
                                + named + ")",
                            erratum: stated.erratum,
                            curl: nil))
                    if !results[index].requirements.contains(requirement) {
                        results[index].requirements.append(requirement)
                    }
                    let result = results[index]
                    if result.verdict != .skip {
                        results[index].verdict = CaseResult.verdict(
                            deviations: result.deviations, notes: result.notes, error: result.error)
                    }
                }
            }
        }
        return results
    }
}
