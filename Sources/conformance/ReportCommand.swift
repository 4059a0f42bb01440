import ArgumentParser
import ConformanceReport
import Foundation

/// `conformance report`: renders a saved JSON run report in another format, without running anything again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a saved JSON run report as JUnit XML, HTML or Markdown.",
        discussion: """
            Reads a report written by `conformance run --report json:PATH` and renders it again: junit (one \
            testsuite per operation, for CI dashboards; WARN counts as passing, as in the exit code without \
            --strict), html (one self-contained page), markdown (a pull-request comment under 60 KB) or json \
            (the same report, re-encoded). A file that is missing, unreadable or not a run report exits 2.

            Examples:
              conformance report --from out/run.json --format html --output out/run.html
              conformance report --from out/run.json --format junit --output out/junit.xml
              conformance report --from out/run.json --format markdown > comment.md
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A JSON report written by `conformance run --report json:PATH`.", valueName: "path"))
    var from: String

    @Option(name: .long, help: "The format to render.")
    var format: ReportWriter.Format

    @Option(name: .long, help: ArgumentHelp("Where to write the report (default: standard output).", valueName: "path"))
    var output: String?

    func run() throws {
        let run = try SavedRun.loadForCommand(from)
        guard let output else {
            do {
                FileHandle.standardOutput.write(try ReportWriter.render(run, as: format))
            } catch {
                throw CommandFailure("\(from): cannot render the report: \(error)", code: ExitStatus.usage)
            }
            return
        }
        guard let destination = ReportWriter.Destination(argument: "\(format.rawValue):\(output)") else {
            throw ValidationError("--output must not be empty")
        }
        for problem in ReportWriter.write(run, to: [destination]) {
            throw CommandFailure(problem, code: ExitStatus.usage)
        }
    }
}

extension ReportWriter.Format: ExpressibleByArgument {}
