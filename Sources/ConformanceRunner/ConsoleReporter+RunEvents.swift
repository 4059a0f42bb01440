import ConformanceKit
import ConformanceReport

/// The run's progress on the console: the runner's events as the reporter's lines.
extension ConsoleReporter {
    public func handle(_ event: Runner.Event) {
        switch event {
        case .started(let total, let mediaTypes):
            guard verbosity >= .normal else { return }
            if mediaTypes.count > 1 {
                let cases = total / mediaTypes.count
                write(
                    "Running \(cases) case\(cases == 1 ? "" : "s") under each of \(mediaTypes.count) media types "
                        + "(\(mediaTypes.joined(separator: ", ")))…")
            } else {
                let media = mediaTypes.first.map { " under media type \($0)" } ?? ""
                write("Running \(total) case\(total == 1 ? "" : "s")\(media)…")
            }
        case .goldenObserved:
            break
        case .sessionProblem(let role, let message):
            write(paint("! no notification session for \(role): \(message)", .yellow))
        case .caseFinished(let index, let total, let finished):
            let result = waive(finished)
            guard verbosity >= .normal || ![.pass, .note, .skip].contains(result.verdict) else { return }
            let width = String(total).count
            let number = String(repeating: " ", count: width - String(index).count) + String(index)
            let verdict = paint(
                result.verdict.rawValue.padding(
                    toLength: max(5, result.verdict.rawValue.count), withPad: " ", startingAt: 0), color(result.verdict)
            )
            let mediaType = result.mediaTypes?.first.map { " [\($0.mediaType)]" } ?? ""
            write("[\(number)/\(total)] \(verdict) \(result.id)\(mediaType) (\(result.durationMs) ms)")
            if verbosity >= .verbose {
                for line in result.transcript { write("          " + line) }
            }
        }
    }
}
