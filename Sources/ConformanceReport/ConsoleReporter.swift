import Foundation

/// Prints live progress, the deviations grouped by operation, and the summary.
public struct ConsoleReporter: Sendable {
    public enum Verbosity: Int, Sendable, Comparable {
        case quiet, normal, verbose

        public static func < (lhs: Verbosity, rhs: Verbosity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var colour: Bool
    public var verbosity: Verbosity
    /// What a finished case becomes before its progress line: the baseline's waivers, so that the line shows the
    /// verdict the report will give (WAIVED, not FAIL).
    public var waive: @Sendable (CaseResult) -> CaseResult = { $0 }
    package let write: @Sendable (String) -> Void

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

    /// The deviations of the run, grouped by operation, then the summary line. Under `strict` the summary also
    /// names what fails the run only because of `--strict`: WARNs and stale waivers.
    public func finish(_ run: RunResult, strict: Bool = false) {
        // A reason many cases share (a session that could not open, a fixture that fails) is told once, with them.
        let shared = Self.sharedReasons(run.cases)
        let told = Set(shared.flatMap(\.cases))
        var operations: [String] = []
        for result in run.cases where !operations.contains(result.operation) { operations.append(result.operation) }
        for operation in operations {
            let results = run.cases.filter {
                $0.operation == operation && !told.contains($0.id)
                    && ($0.verdict != .pass || (verbosity >= .verbose && !$0.info.isEmpty))
            }
            guard !results.isEmpty else { continue }
            write("")
            write(paint("== \(operation)", .bold))
            for result in results { describe(result) }
        }
        if !shared.isEmpty {
            write("")
            write(paint("== Cases not judged, by reason", .bold))
            for group in shared {
                write(paint("\(group.cases.count) cases ERROR: ", .red) + group.reason)
                let shown = verbosity >= .verbose ? group.cases.count : 8
                write(
                    "  " + group.cases.prefix(shown).joined(separator: ", ")
                        + (group.cases.count > shown ? " … and \(group.cases.count - shown) more" : ""))
            }
        }
        let summary = run.summary
        let seconds = String(format: "%.2f", Double(run.durationMs) / 1000)
        var parts = ["\(summary.pass) PASS", "\(summary.fail) FAIL", "\(summary.warn) WARN", "\(summary.note) NOTE"]
        parts += ["\(summary.skip) SKIP", "\(summary.error) ERROR"]
        if summary.waived > 0 { parts.append("\(summary.waived) WAIVED") }
        readings(run)
        for stale in run.staleWaivers ?? [] { write(paint("stale waiver: \(stale)", .yellow)) }
        for expired in run.expiredWaivers ?? [] { write(paint("expired waiver: \(expired)", .yellow)) }
        write("")
        let media = run.mediaTypeNames.map { " (each under \(run.mediaTypes?.count ?? 0) media types: \($0))" } ?? ""
        for outcome in run.mediaTypes ?? [] where run.mediaTypeNames != nil {
            let counts = outcome.summary
            write(
                "  under \(outcome.mediaType): \(counts.pass) PASS, \(counts.fail) FAIL, \(counts.warn) WARN, "
                    + "\(counts.note) NOTE, \(counts.skip) SKIP, \(counts.error) ERROR")
        }
        let stale = (run.staleWaivers ?? []).map { $0.components(separatedBy: ": ").first ?? $0 }
        if !stale.isEmpty { parts.append("\(stale.count) stale waiver\(stale.count == 1 ? "" : "s")") }
        let line =
            "\(summary.total) case\(summary.total == 1 ? "" : "s")\(media): " + parts.joined(separator: ", ")
            + " in \(seconds) s against \(run.target.name)"
        let strictFailure = strict && (summary.warn > 0 || !stale.isEmpty)
        write(
            paint(
                line,
                summary.fail + summary.error > 0 || strictFailure
                    ? .red : (summary.warn > 0 || !stale.isEmpty ? .yellow : .green)))
        if strictFailure {
            let reasons =
                (summary.warn > 0 ? ["\(summary.warn) WARN"] : [])
                + (stale.isEmpty ? [] : ["stale waiver\(stale.count == 1 ? "" : "s") \(stale.joined(separator: ", "))"])
            write(paint("--strict fails the run on " + reasons.joined(separator: " and "), .red))
        }
        for warning in run.target.warnings ?? [] { write(paint("warning: \(warning)", .yellow)) }
        if let incomplete = run.incompleteReason { write(paint(incomplete, run.stopped == nil ? .yellow : .red)) }
    }

    /// ERROR cases with nothing but their reason, grouped by it where at least `minimum` share one, most first.
    static func sharedReasons(_ cases: [CaseResult], minimum: Int = 3) -> [(reason: String, cases: [String])] {
        CaseResult.grouped(cases) { $0.verdict == .error && $0.deviations.isEmpty ? $0.error : nil }
            .filter { $0.cases.count >= minimum }
            .sorted { $0.cases.count > $1.cases.count }
    }

    private func describe(_ result: CaseResult) {
        let media = result.mediaVerdicts.map { " (\($0))" } ?? ""
        write(paint(result.verdict.rawValue, color(result.verdict)) + " \(result.id) — \(result.title)\(media)")
        if let error = result.error { write("  reason: \(error)") }
        let first = result.deviations.filter { $0.followsEarlier != true }
        let following = result.deviations.filter { $0.followsEarlier == true }
        describe(first, indent: "  ")
        if !following.isEmpty {
            let count = following.count
            let noun = count == 1 ? "deviation follows" : "deviations follow"
            if verbosity >= .verbose {
                write("  \(count) more \(noun) from the step above:")
                describe(following, indent: "    ")
            } else {
                let requirements = Set(following.map(\.requirement)).sorted().joined(separator: ", ")
                write(
                    "  … \(count) more \(noun) from the step above (\(requirements); --verbose or the JSON report shows them)"
                )
            }
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

    /// Deviations grouped by requirement.
    private func describe(_ deviations: [Deviation], indent: String) {
        var requirements: [String] = []
        // MUST first, then SHOULD, then INFO; in order of appearance within a level.
        let ordered = deviations.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }
        for deviation in ordered.map(\.element) where !requirements.contains(deviation.requirement) {
            requirements.append(deviation.requirement)
        }
        for requirement in requirements {
            let group = deviations.filter { $0.requirement == requirement }
            write(paint("\(indent)✗ \(requirement) (\(group[0].level.rawValue))", .red))
            for deviation in group {
                write("\(indent)    \(deviation.described)")
                write("\(indent)      expected: \(deviation.expected)")
                write("\(indent)      actual:   \(deviation.actual)")
            }
            if let erratum = group[0].erratum { write("\(indent)    erratum: \(erratum)") }
        }
    }

    /// The readings section: which alternative of each open point of the document the target follows.
    public func readings(_ run: RunResult) {
        guard let readings = run.readings, !readings.isEmpty, verbosity >= .normal else { return }
        write("")
        write(paint("== Readings of the document this target follows", .bold))
        for reading in readings {
            let mixed = reading.followed.count > 1
            let warned = reading.followed.contains { $0.level == .should }
            let line = "  " + reading.line
            write(mixed || warned ? paint(line, .yellow) : line)
            // A media type that follows another alternative than the run as a whole says so.
            for outcome in run.mediaTypes ?? [] where run.mediaTypeNames != nil {
                guard let own = outcome.readings?.first(where: { $0.name == reading.name }),
                    own.followed.map(\.name) != reading.followed.map(\.name)
                else { continue }
                write("    under \(outcome.mediaType): \(own.line)")
            }
        }
    }

    package enum Color: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case bold = "1"
        case magenta = "35"
    }

    package func color(_ verdict: Verdict) -> Color {
        switch verdict {
        case .pass: .green
        case .fail, .error: .red
        case .warn: .yellow
        case .note, .skip, .waived: .cyan
        }
    }

    package func paint(_ text: String, _ color: Color) -> String {
        colour ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
