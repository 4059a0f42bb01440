import ArgumentParser
import ConformanceReport

/// `--report FORMAT:PATH`, shared by the commands that write run reports.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Write a report: FORMAT:PATH with FORMAT json, junit, html or markdown (repeatable).")
    var report: [String] = []

    /// The reports to write; `validate()` has already refused any that does not parse.
    var destinations: [ReportWriter.Destination] { report.compactMap(ReportWriter.Destination.init(argument:)) }

    func validate() throws {
        for argument in report where ReportWriter.Destination(argument: argument) == nil {
            let formats = ReportWriter.registry.formatNames
            throw ValidationError("--report '\(argument)' is not FORMAT:PATH with FORMAT one of \(formats)")
        }
        // A report that cannot be written is refused before anything runs, not after a long run.
        let problems = ReportWriter.problems(in: destinations)
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }
}
