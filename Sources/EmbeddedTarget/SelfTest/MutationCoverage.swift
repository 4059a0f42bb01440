import ConformanceCatalog
import ConformanceReport
import ConformanceRunner

/// Which MUST requirements the selftest proves the catalog can fail: a requirement is covered when a switch
/// names it among those it breaks (`specs/mutations.yaml`) and the run against that switch reported it broken.
public enum MutationCoverage {
    /// The MUST requirements the catalog asserts (a case checks them, or the runner does) that no switch breaks
    /// in a way the selftest saw, in catalog order.
    public static func uncovered(_ catalog: Catalog, outcomes: [MutationTest.Outcome]) -> [Requirement] {
        let asserted = CatalogLint.assertedRequirements(catalog)
        let proven = Set(outcomes.flatMap { outcome in outcome.expected.filter(outcome.broken.contains) })
        return catalog.requirements.filter { $0.level == .must && asserted.contains($0.id) && !proven.contains($0.id) }
    }

    /// What `selftest --coverage` prints.
    public static func report(_ catalog: Catalog, outcomes: [MutationTest.Outcome]) -> String {
        let assertedIds = CatalogLint.assertedRequirements(catalog)
        let asserted = catalog.requirements.filter { $0.level == .must && assertedIds.contains($0.id) }.count
        let uncovered = uncovered(catalog, outcomes: outcomes)
        var lines = [
            "Coverage: MUST requirements the catalog asserts that no switch breaks "
                + "(\(uncovered.count) of the \(asserted) asserted MUST requirements):"
        ]
        lines += uncovered.map { "  \($0.id) (\($0.section))" }
        if uncovered.isEmpty {
            lines.append("  none: every asserted MUST requirement is broken by a switch and caught")
        }
        return lines.joined(separator: "\n")
    }
}
