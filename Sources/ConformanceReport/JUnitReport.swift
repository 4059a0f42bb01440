import Foundation

/// Renders a run as JUnit XML for CI dashboards: one `<testsuite>` per operation, one `<testcase>` per case.
///
/// WARN cases are counted as passing and carry their SHOULD deviations in `<system-out>`. Common CI parsers paint
/// every `<failure>` red and fail the build on it, while the suite's own exit code lets WARN pass unless `--strict`
/// is given; the XML follows the exit code so that CI and the command agree. NOTE cases pass too, with their notes
/// in `<system-out>`.
public enum JUnitReport {
    public static func render(_ run: RunResult) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        let summary = run.summary
        xml += "<testsuites"
        xml += attribute("name", "GWS Interactions conformance: \(run.target.name)")
        xml += counts(tests: summary.total, failures: summary.fail, errors: summary.error, skipped: summary.skip)
        xml += attribute("time", seconds(run.durationMs))
        xml += ">\n"
        if let incomplete = run.incompleteReason {
            xml += "  <!-- incomplete run: \(escape(incomplete).replacingOccurrences(of: "--", with: "- -")) -->\n"
        }
        for operation in run.operations {
            xml += suite(operation, cases: run.cases.filter { $0.operation == operation }, run: run)
        }
        xml += "</testsuites>\n"
        return xml
    }

    private static func suite(_ operation: String, cases: [CaseResult], run: RunResult) -> String {
        var xml = "  <testsuite"
        xml += attribute("name", operation)
        xml += counts(
            tests: cases.count,
            failures: cases.count(where: { $0.verdict == .fail }),
            errors: cases.count(where: { $0.verdict == .error }),
            skipped: cases.count(where: { $0.verdict == .skip })
        )
        xml += attribute("time", seconds(cases.reduce(0) { $0 + $1.durationMs }))
        xml += attribute("timestamp", run.startedAt)
        xml += ">\n"
        xml += "    <properties>\n"
        let properties =
            [
                ("target", run.target.name),
                ("baseURL", run.target.baseURL),
                ("suiteVersion", run.suite.version),
                ("complete", run.complete ? "true" : "false"),
            ] + (run.target.warnings ?? []).map { ("warning", $0) }
        for (name, value) in properties {
            xml += "      <property" + attribute("name", name) + attribute("value", value) + "/>\n"
        }
        xml += "    </properties>\n"
        for result in cases { xml += testcase(result) }
        xml += "  </testsuite>\n"
        return xml
    }

    private static func testcase(_ result: CaseResult) -> String {
        var xml = "    <testcase"
        xml += attribute("classname", result.operation)
        xml += attribute("name", result.id)
        xml += attribute("time", seconds(result.durationMs))
        var body = ""
        var output: [String] = []
        switch result.verdict {
        case .pass:
            break
        case .fail:
            // The deviation that makes the FAIL is a MUST; a SHOULD listed before it would mislabel the failure.
            let first = result.deviations.first { $0.level == .must } ?? result.deviations.first
            body += "      <failure"
            body += attribute("message", first?.described ?? "a MUST requirement broke")
            body += attribute("type", first?.requirement ?? "FAIL")
            body += ">" + escape(failureText(result)) + "</failure>\n"
            output = transcriptLines(result)
        case .error:
            body += "      <error"
            body += attribute("message", result.error ?? "the case could not be judged")
            body += attribute("type", "ERROR")
            body += ">" + escape(errorText(result)) + "</error>\n"
            output = transcriptLines(result)
        case .skip:
            body += "      <skipped" + attribute("message", result.error ?? "not applicable to this target") + "/>\n"
        case .warn:
            output = ["WARN: \(result.title)", "SHOULD deviations (pass unless --strict):"]
            output += result.deviations.flatMap(describe)
            output += result.notes.map { "note: \($0)" }
            output += transcriptLines(result)
        case .waived:
            output = ["WAIVED: \(result.title)", "deviations waived by the baseline:"]
            output += (result.waived ?? []).flatMap(describe)
            output += (result.waived ?? []).compactMap(\.waiver).map { "waiver: \($0)" }
        case .note:
            output = ["NOTE: \(result.title)"]
            output += result.notes.map { "note: \($0)" }
            output += result.deviations.flatMap(describe)
            output += result.info.map { "info: \($0)" }
            output += transcriptLines(result)
        }
        if !output.isEmpty {
            body += "      <system-out>" + escape(output.joined(separator: "\n") + "\n") + "</system-out>\n"
        }
        if body.isEmpty { return xml + "/>\n" }
        return xml + ">\n" + body + "    </testcase>\n"
    }

    private static func failureText(_ result: CaseResult) -> String {
        var lines = ["\(result.id): \(result.title)"]
        for deviation in result.deviations {
            lines.append("")
            lines += describe(deviation)
        }
        lines += result.notes.map { "note: \($0)" }
        if let curl = result.curl, !result.deviations.contains(where: { $0.curl == curl }) {
            lines += ["", "reproduce: \(curl)"]
        }
        return "\n" + lines.joined(separator: "\n") + "\n"
    }

    private static func errorText(_ result: CaseResult) -> String {
        var lines = ["\(result.id): \(result.title)", "reason: \(result.error ?? "unknown")"]
        for deviation in result.deviations {
            lines.append("")
            lines += describe(deviation)
        }
        if let curl = result.curl { lines += ["", "reproduce: \(curl)"] }
        return "\n" + lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ deviation: Deviation) -> [String] {
        var lines = [
            "\(deviation.requirement) (\(deviation.level.rawValue)) at \(deviation.pointer.isEmpty ? "(whole)" : deviation.pointer)",
            "  expected: \(deviation.expected)",
            "  actual:   \(deviation.actual)",
            "  message:  \(deviation.described)",
        ]
        if let erratum = deviation.erratum { lines.append("  erratum:  \(erratum)") }
        if let curl = deviation.curl { lines.append("  curl:     \(curl)") }
        return lines
    }

    private static func transcriptLines(_ result: CaseResult) -> [String] {
        guard !result.transcript.isEmpty else { return [] }
        return ["", "transcript:"] + result.transcript.map { "  " + $0 }
    }

    private static func counts(tests: Int, failures: Int, errors: Int, skipped: Int) -> String {
        attribute("tests", String(tests)) + attribute("failures", String(failures))
            + attribute("errors", String(errors)) + attribute("skipped", String(skipped))
    }

    private static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(value, inAttribute: true))\""
    }

    private static func seconds(_ milliseconds: Int) -> String {
        String(format: "%.3f", Double(milliseconds) / 1000)
    }

    /// Escapes text for XML 1.0: the five special characters become entities and characters XML cannot carry
    /// (controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) are dropped. In attributes,
    /// tab and line breaks become character references so that attribute normalisation keeps them.
    package static func escape(_ text: String, inAttribute: Bool = false) -> String {
        MarkupEscaping.escape(text, for: inAttribute ? .xmlAttribute : .xml)
    }
}
