/// Renders a run as GitHub-flavoured Markdown for a pull-request comment: a verdict line with the counts, a table
/// per operation of the cases that did not pass, and their deviations in collapsed `<details>`.
///
/// The text stays under ``byteBudget`` (GitHub refuses comments past 65,536 characters); what does not fit is
/// counted in a closing line. Values from the run are escaped so that a hostile server cannot inject markup.
public enum MarkdownReport {
    /// The most UTF-8 bytes a rendered comment takes.
    public static let byteBudget = 60_000
    /// Longest expected, actual or curl text shown; the HTML and JSON reports have them whole.
    package static let valueLimit = 1_500

    public static func render(_ run: RunResult) -> String {
        var text = headline(run) + "\n"
        if let incomplete = run.incompleteReason {
            text += "\n> **Incomplete run:** \(inline(incomplete))\n"
        }
        text += readingsTable(run)
        let operations = run.operations
        let clean = operations.filter { operation in
            run.cases.allSatisfy { $0.operation != operation || $0.verdict == .pass }
        }
        if !clean.isEmpty {
            text += "\nEvery case passed in: " + clean.map(inline).joined(separator: ", ") + ".\n"
        }
        // Room is kept for the closing lines, so that they always fit.
        let budget = byteBudget - 400
        var omittedRows = 0
        for operation in operations where !clean.contains(operation) {
            let rows = run.cases.filter { $0.operation == operation && $0.verdict != .pass }.map(row)
            var table =
                "\n### \(inline(operation))\n\n| Verdict | Case | Requirement | Message |\n| --- | --- | --- | --- |\n"
            guard omittedRows == 0, text.utf8.count + table.utf8.count + rows[0].utf8.count <= budget else {
                omittedRows += rows.count
                continue
            }
            for row in rows {
                if omittedRows == 0, text.utf8.count + table.utf8.count + row.utf8.count <= budget {
                    table += row
                } else {
                    omittedRows += 1
                }
            }
            text += table
        }
        var omittedDetails = 0
        let detailed = run.cases.filter { $0.verdict != .pass && $0.verdict != .skip }
        if !detailed.isEmpty, omittedRows == 0 {
            text += "\n#### Details\n"
            for result in detailed {
                let block = details(result, clauses: run.clauses)
                if omittedDetails == 0, text.utf8.count + block.utf8.count <= budget {
                    text += block
                } else {
                    omittedDetails += 1
                }
            }
        } else {
            omittedDetails = detailed.count
        }
        if omittedRows > 0 {
            text += "\n_\(omittedRows) case\(omittedRows == 1 ? "" : "s") omitted from the tables to keep this comment "
            text += "under \(byteBudget / 1000) KB; the HTML or JSON report has them all._\n"
        }
        if omittedDetails > 0 {
            text += "\n_\(omittedDetails) case\(omittedDetails == 1 ? "" : "s") omitted from the details to keep this "
            text += "comment under \(byteBudget / 1000) KB; the HTML or JSON report has them all._\n"
        }
        return text
    }

    /// Which alternative of each open point of the document the target follows.
    package static func readingsTable(_ run: RunResult) -> String {
        guard let readings = run.readings, !readings.isEmpty else { return "" }
        var text = "\n### Readings of the document\n\n| Open point | Target follows | Seen in |\n| --- | --- | --- |\n"
        for reading in readings {
            let followed = reading.followed
            let shown = reading.followedText
            let seen = followed.map { "\($0.count) \(reading.noun($0.count))" }.joined(separator: " / ")
            text += "| \(inline(reading.title)) | \(inline(shown)) | \(inline(seen)) |\n"
        }
        return text
    }

    /// `❌ **FAIL** — 12 cases against lab: 9 PASS, 1 FAIL, … (suite 0.1.0, 3.20 s)`.
    private static func headline(_ run: RunResult) -> String {
        let summary = run.summary
        let overall = HTMLReport.overallVerdict(run)
        let mark =
            switch overall {
            case .fail, .error: "❌"
            case .warn: "⚠️"
            default: "✅"
            }
        let counts = [
            "\(summary.pass) PASS", "\(summary.fail) FAIL", "\(summary.warn) WARN", "\(summary.note) NOTE",
            "\(summary.skip) SKIP", "\(summary.error) ERROR",
        ]
        let media = run.mediaTypeNames.map { " under each of \(inline($0))" } ?? ""
        let cases = summary.total == 1 ? "case" : "cases"
        return
            "\(mark) **\(overall.rawValue)** — \(summary.total) \(cases)\(media) against \(inline(run.target.name)): "
            + counts.joined(separator: ", ")
            + " (suite \(inline(run.suite.version)), \(HTMLReport.readableDuration(run.durationMs)))"
            + (run.target.warnings ?? []).map { "\n\n⚠️ \($0)" }.joined()
    }

    private static func row(_ result: CaseResult) -> String {
        var requirements: [String] = []
        for deviation in result.deviations where !requirements.contains(deviation.requirement) {
            requirements.append(deviation.requirement)
        }
        let message =
            result.deviations.first(where: { $0.level == .must })?.described ?? result.deviations.first?.described
            ?? result.error ?? result.notes.first ?? ""
        let cells = [
            "**\(result.verdict.rawValue)**", inline(result.id), inline(requirements.joined(separator: ", ")),
            inline(cut(message, to: 300)),
        ]
        return "| " + cells.joined(separator: " | ") + " |\n"
    }

    private static func details(_ result: CaseResult, clauses: [String: RunResult.Clause]) -> String {
        var text = "\n<details><summary>\(result.verdict.rawValue) \(HTMLReport.escape(result.id)) — "
        text +=
            "\(HTMLReport.escape(result.title))\(result.mediaVerdicts.map { " (\(HTMLReport.escape($0)))" } ?? "")</summary>\n\n"
        if let reason = result.error { text += "Could not be judged: \(inline(reason))\n\n" }
        // A clause, an erratum or a curl line shared by several deviations is shown once.
        var quoted = Set<String>()
        var curls = Set<String>()
        for deviation in result.deviations {
            let pointer = deviation.pointer.isEmpty ? "(whole answer)" : deviation.pointer
            text += "- **\(inline(deviation.requirement))** (\(deviation.level.rawValue)) at \(inline(pointer)): "
            text += inline(deviation.described)
            text += (deviation.followsEarlier == true ? " _(may follow from an earlier step's deviation)_" : "") + "\n"
            if quoted.insert(deviation.requirement).inserted {
                let clause = clauses[deviation.requirement]
                if let clause {
                    text += "  > \(inline(cut(clause.quote, to: 400))) — \(inline(clause.section))\n"
                }
                if let erratum = deviation.erratum ?? clause?.erratum { text += "\n  Erratum: \(inline(erratum))\n" }
            }
            let diff = prefixed("- ", cut(deviation.expected)) + "\n" + prefixed("+ ", cut(deviation.actual))
            text += "\n" + fenced(diff, language: "diff")
            if let curl = deviation.curl, curls.insert(curl).inserted {
                text += "\n" + fenced(cut(curl), language: "sh")
            }
        }
        for note in result.notes { text += "- Note: \(inline(note))\n" }
        if let curl = result.curl, curls.insert(curl).inserted {
            text += "\n" + fenced(cut(curl), language: "sh")
        }
        return text + "\n</details>\n"
    }

    private static func cut(_ text: String, to limit: Int = valueLimit) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    private static func prefixed(_ prefix: String, _ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }

    /// A code block indented under a list item, fenced with more backticks than the text contains.
    private static func fenced(_ shown: String, language: String) -> String {
        var longestRun = 0
        var run = 0
        for character in shown {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        let body = shown.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return "  \(fence)\(language)\n" + body.joined(separator: "\n") + "\n  \(fence)\n"
    }

    /// Text for a table cell or a paragraph: one line, with Markdown and HTML punctuation backslash-escaped (`|`
    /// included, as GitHub's tables need) so that it shows as written.
    package static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#", "!":
                escaped += "\\" + String(character)
            case "\n", "\r", "\r\n", "\t":
                escaped += " "
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                    escaped.append(character)
                }
            }
        }
        return escaped
    }
}
