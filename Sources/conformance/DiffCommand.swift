import ArgumentParser
import ConformanceReport
import Foundation

/// `conformance diff`: what changed between two saved runs of a target.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two JSON run reports: verdicts, requirements, readings, shapes.",
        discussion: """
            Lists, each with its case and requirement: the cases whose verdict changed (regressions first, worst \
            first: FAIL, ERROR, WARN; then fixes, then other changes; the changes a changed reading explains are \
            counted once under that reading), new and removed cases, the requirements newly broken or fixed, the readings \
            of the document whose observed alternative changed, the answer and notification shapes that changed \
            (members added, removed or retyped, per operation and message type, even where both runs pass), and \
            with --slower the cases that took longer. A regression is a verdict that got worse (passing < WARN < \
            FAIL or ERROR) or a requirement a case breaks that it did not break before.

            Reports of different catalogs (suite.catalogDigest) are refused with exit 2 unless \
            --allow-catalog-change is given; then the cases whose definition changed are listed apart.

            Exit codes: 0 compared (whatever the difference, unless --fail-on), 1 --fail-on tripped, 2 a report \
            cannot be read, the catalogs differ, or a bad option. docs/diff.md has the details.

            Examples:
              conformance diff last-release.json this.json
              conformance diff last-release.json this.json --fail-on regression --report markdown:diff.md
              conformance diff old.json new.json --slower 3x --report html:diff.html --report json:diff.json
            """
    )

    @Argument(help: ArgumentHelp("The reference run: a JSON report of `conformance run`.", valueName: "old.json"))
    var old: String

    @Argument(help: ArgumentHelp("The run under review.", valueName: "new.json"))
    var new: String

    @Option(
        name: .long,
        help: "Write the difference: FORMAT:PATH with FORMAT json, markdown or html (repeatable).")
    var report: [String] = []

    @OptionGroup var comparison: ComparisonOptions

    func validate() throws {
        _ = try ComparisonOptions.destinations(report, option: "--report")
    }

    func run() throws {
        let destinations = try ComparisonOptions.destinations(report, option: "--report")
        let difference = try comparison.compare(
            try SavedRun.loadForCommand(old), try SavedRun.loadForCommand(new), reporter: ConsoleReporter(),
            destinations: destinations)
        if let gate = comparison.failOn?.gate, difference.fails(gate) { throw ExitCode(ExitStatus.deviations) }
    }
}
