import Foundation

/// Prints live progress, the deviations grouped by operation, and the summary.
public struct ConsoleReporter: Sendable {
    public enum Verbosity: Int, Sendable, Comparable {
        case quiet, normal, verbose

        public static func < (lhs: Verbosity, rhs: Verbosity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var colour: Bool
    public var verbosity: Verbosity
    private let write: @Sendable (String) -> Void

    public init(
        colour: Bool = ConsoleReporter.colourIsWanted(),
        verbosity: Verbosity = .normal,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
    ) {
        self.colour = colour
        self.verbosity = verbosity
        self.write = write
    }

    /// Colour on a terminal, unless `NO_COLOR` is set.
    public static func colourIsWanted() -> Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) != 0
    }

    public func handle(_ event: Runner.Event) {
        switch event {
        case .started(let total):
            guard verbosity >= .normal else { return }
            write("Running \(total) case\(total == 1 ? "" : "s")…")
        case .goldenObserved:
            break
        case .sessionProblem(let role, let message):
            write(paint("! no notification session for \(role): \(message)", .yellow))
        case .caseFinished(let index, let total, let result):
            guard verbosity >= .normal || ![.pass, .note, .skip].contains(result.verdict) else { return }
            let width = String(total).count
            let number = String(repeating: " ", count: width - String(index).count) + String(index)
            let verdict = paint(
                result.verdict.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0), color(result.verdict))
            write("[\(number)/\(total)] \(verdict) \(result.id) (\(result.durationMs) ms)")
            if verbosity >= .verbose {
                for line in result.transcript { write("          " + line) }
            }
        }
    }

    /// The deviations of the run, grouped by operation, then the summary line.
    public func finish(_ run: RunResult) {
        var operations: [String] = []
        for result in run.cases where !operations.contains(result.operation) { operations.append(result.operation) }
        for operation in operations {
            let results = run.cases.filter {
                $0.operation == operation && ($0.verdict != .pass || (verbosity >= .verbose && !$0.info.isEmpty))
            }
            guard !results.isEmpty else { continue }
            write("")
            write(paint("== \(operation)", .bold))
            for result in results { describe(result) }
        }
        let summary = run.summary
        let seconds = String(format: "%.2f", Double(run.durationMs) / 1000)
        var parts = ["\(summary.pass) PASS", "\(summary.fail) FAIL", "\(summary.warn) WARN", "\(summary.note) NOTE"]
        parts += ["\(summary.skip) SKIP", "\(summary.error) ERROR"]
        if summary.waived > 0 { parts.append("\(summary.waived) WAIVED") }
        for stale in run.staleWaivers ?? [] { write(paint("stale waiver: \(stale)", .yellow)) }
        for expired in run.expiredWaivers ?? [] { write(paint("expired waiver: \(expired)", .yellow)) }
        write("")
        let line =
            "\(summary.total) cases: " + parts.joined(separator: ", ") + " in \(seconds) s against \(run.target.name)"
        write(paint(line, summary.fail + summary.error > 0 ? .red : (summary.warn > 0 ? .yellow : .green)))
        if !run.complete { write(paint("The run was interrupted: not every selected case ran.", .yellow)) }
    }

    private func describe(_ result: CaseResult) {
        write(paint(result.verdict.rawValue, color(result.verdict)) + " \(result.id) — \(result.title)")
        if let error = result.error { write("  reason: \(error)") }
        var requirements: [String] = []
        for deviation in result.deviations where !requirements.contains(deviation.requirement) {
            requirements.append(deviation.requirement)
        }
        for requirement in requirements {
            let deviations = result.deviations.filter { $0.requirement == requirement }
            write(paint("  ✗ \(requirement) (\(deviations[0].level.rawValue))", .red))
            for deviation in deviations {
                write("      \(deviation.message)")
                write("        expected: \(deviation.expected)")
                write("        actual:   \(deviation.actual)")
            }
            if let erratum = deviations[0].erratum { write("      erratum: \(erratum)") }
        }
        for note in result.notes { write(paint("  note: ", .cyan) + note) }
        for waived in result.waived ?? [] {
            write("  waived: \(waived.requirement) — \(waived.message) (baseline: \(waived.waiver ?? ""))")
        }
        if verbosity >= .verbose { for info in result.info { write("  info: \(info)") } }
        if [.fail, .warn, .error].contains(result.verdict), let curl = result.curl {
            write("  reproduce: \(curl)")
        }
    }

    enum Color: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case bold = "1"
        case magenta = "35"
    }

    func color(_ verdict: Verdict) -> Color {
        switch verdict {
        case .pass: .green
        case .fail, .error: .red
        case .warn: .yellow
        case .note, .skip, .waived: .cyan
        }
    }

    func paint(_ text: String, _ color: Color) -> String {
        colour ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
