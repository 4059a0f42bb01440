import ArgumentParser
import ConformanceReport
import Foundation

/// `conformance run --compare-to OLD.json`: the difference from a saved run, printed at the end of the run, and with
/// `--fail-on` the exit code of a release gate.
struct CompareToOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Compare this run with a saved JSON report (e.g. the last release) and print what changed at the end, as `conformance diff` does.",
            valueName: "old.json"))
    var compareTo: String?

    @Option(
        name: .long,
        help: "With --compare-to: write the difference, FORMAT:PATH with FORMAT json, markdown or html (repeatable).")
    var diffReport: [String] = []

    @OptionGroup var comparison: ComparisonOptions

    func validate() throws {
        _ = try ComparisonOptions.destinations(diffReport, option: "--diff-report")
        guard compareTo == nil else { return }
        let comparison = self.comparison
        if comparison.failOn != nil || comparison.slower != nil || comparison.allowCatalogChange || !diffReport.isEmpty
        {
            throw ValidationError("--fail-on, --slower, --allow-catalog-change and --diff-report need --compare-to")
        }
    }

    /// The reference run, read before anything runs: a report that cannot be read, or of another catalog (unless
    /// allowed), exits 2 at once.
    func reference(catalogDigest: String?) throws(CommandFailure) -> RunResult? {
        guard let compareTo else { return nil }
        let reference = try SavedRun.loadForCommand(compareTo)
        if !comparison.allowCatalogChange, reference.suite.catalogDigest != catalogDigest {
            let mismatch = RunDifference.CatalogMismatch(old: reference.suite.catalogDigest, new: catalogDigest)
            throw CommandFailure("\(compareTo): \(mismatch)", code: ExitStatus.usage)
        }
        return reference
    }

    /// Prints the difference and writes its reports; returns the exit code it imposes: with `--fail-on`, the
    /// difference decides instead of the verdicts (failures the reference run already had do not fail a release
    /// gate), except that a run the target stopped keeps exit 3. Nil leaves the run's own code.
    func finish(_ run: RunResult, reference: RunResult, reporter: ConsoleReporter) throws -> Int32? {
        let destinations = try ComparisonOptions.destinations(diffReport, option: "--diff-report")
        let difference = try comparison.compare(reference, run, reporter: reporter, destinations: destinations)
        guard let gate = comparison.failOn?.gate, run.stopped == nil else { return nil }
        return difference.fails(gate) ? ExitStatus.deviations : 0
    }
}
