import ArgumentParser
import ConformanceReport
import ConformanceRunner
import Foundation

/// `conformance merge`: joins the JSON reports of shards into the report of one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON reports of `run --shard i/n` into one report, as an unsharded run would write it.",
        discussion: """
            Cases come back in catalog order; the summary is recounted. Each shard's report records its shard, \
            catalog digest, selection and target, and merge proves they make up one run: reports of different \
            catalogs, targets or selections, a shard given twice, or a case in two reports exit 2. A missing shard \
            exits 2 too, unless --allow-partial, which writes the report with complete: false and names what it \
            lacks. Otherwise exit codes as for `run`.

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

    @Flag(name: .long, help: "Merge although shards are missing; the report says complete: false and what it lacks.")
    var allowPartial = false

    func run() throws {
        guard !shards.isEmpty else { throw ValidationError("name at least one JSON report to merge") }
        let destinations = reports.destinations
        let catalog = try location.load()
        let loaded = try shards.map { (path) throws(CommandFailure) in
            RunMerge.Shard(path: path, run: try SavedRun.loadForCommand(path))
        }
        let problems = RunMerge.check(loaded, catalogDigest: catalog.digest) { selection in
            RunOptions(filters: selection.filters).select(catalog.cases).map(\.id)
        }
        if !problems.refusals.isEmpty || (!problems.gaps.isEmpty && !allowPartial) {
            // One `error:` line per problem, as Conformance.main prints the first.
            let lines =
                problems.refusals
                + problems.gaps.map { "the merge lacks \($0) (--allow-partial merges it as incomplete)" }
            throw CommandFailure(lines.joined(separator: "\nerror: "), code: ExitStatus.usage)
        }
        var merged = RunMerge.merge(loaded.map(\.run), catalogOrder: catalog.cases.map(\.id))
        if !problems.gaps.isEmpty {
            merged.complete = false
            merged.selection?.missing = problems.gaps
        }
        ConsoleReporter(verbosity: .quiet).finish(merged, strict: strict)
        let writeProblems = ReportWriter.write(merged, to: destinations)
        for problem in writeProblems { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
        if !writeProblems.isEmpty { throw ExitCode(ExitStatus.usage) }
        let code = merged.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }
}
