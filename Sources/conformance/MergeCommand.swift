import ArgumentParser
import ConformanceKit
import ConformanceReport
import Foundation

/// `conformance merge`: joins the JSON reports of shards into the report of one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON reports of `run --shard i/n` into one report, as an unsharded run would write it.",
        discussion: """
            Cases come back in catalog order; the summary is recounted. Exit codes as for `run`.

            Example:
              conformance run --shard 1/3 --report json:s1.json   (and 2/3, 3/3 elsewhere)
              conformance merge s1.json s2.json s3.json --report json:run.json --report html:run.html
            """
    )

    @Argument(help: "JSON reports of the shards.")
    var shards: [String]

    @OptionGroup var reports: ReportOptions

    @OptionGroup var location: CatalogOptions

    @Flag(name: .long, help: "Count WARN as failure for the exit code.")
    var strict = false

    func run() throws {
        guard !shards.isEmpty else { throw ValidationError("name at least one JSON report to merge") }
        let destinations = reports.destinations
        let order = try location.load().cases.map(\.id)
        let merged = RunMerge.merge(
            try shards.map { (path) throws(CommandFailure) in try SavedRun.load(path) }, catalogOrder: order)
        ConsoleReporter(verbosity: .quiet).finish(merged)
        for problem in ReportWriter.write(merged, to: destinations) { print("error: \(problem)") }
        let code = merged.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }
}
