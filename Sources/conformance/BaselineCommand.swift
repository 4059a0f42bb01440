import ArgumentParser
import ConformanceCatalog
import ConformanceReport
import Foundation

/// `conformance baseline`: writes a baseline that waives the deviations of a saved run.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write a baseline (known deviations) from a saved JSON report.",
        discussion: """
            Every MUST and SHOULD deviation of the run becomes a waiver (case, requirement, reason to fill in, \
            optional expires: YYYY-MM-DD). Use it with `conformance run --baseline FILE`: waived deviations show as \
            WAIVED and do not fail the run; a waiver whose deviation no longer happens is reported as stale and \
            fails the run under --strict. An ERROR cannot be waived (nothing was judged): those cases are listed on \
            standard error. `run --baseline` refuses (exit 2) a waiver whose case or requirement the catalog lacks.

            Example:
              conformance run --target lab.yaml --report json:run.json
              conformance baseline --from run.json --output known.yaml
            """
    )

    @Option(name: .long, help: "A JSON report written by `conformance run --report json:PATH`.")
    var from: String

    @Option(name: .long, help: "Where to write the baseline (default: standard output).")
    var output: String?

    func run() throws {
        let run = try SavedRun.loadForCommand(from)
        let yaml = Baseline.from(run).yaml
        let unwaivable = Baseline.unwaivable(in: run)
        if !unwaivable.isEmpty {
            let lines =
                [
                    "warning: an ERROR cannot be waived: nothing was judged, so there is no deviation to accept. "
                        + "Fix what kept these cases from running and run again:"
                ] + unwaivable.map { "  " + $0 }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        guard let output else { return print(yaml, terminator: "") }
        do {
            try yaml.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(output): \(error.localizedDescription)", code: ExitStatus.usage)
        }
    }
}
