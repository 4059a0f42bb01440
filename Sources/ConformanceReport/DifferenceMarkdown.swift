import Foundation

/// Renders the difference between two runs as GitHub-flavoured Markdown for a pull-request comment: the headline,
/// then one table per kind of change. Values are escaped, and the text stays under `MarkdownReport.byteBudget`;
/// rows that do not fit are counted in a closing line.
public enum DifferenceMarkdown {
    public static func render(_ difference: RunDifference) -> String {
        let mark = difference.hasRegression ? "❌" : (difference.isEmpty ? "✅" : "⚠️")
        var text = "### \(mark) \(inline(difference.headline))\n\n"
        text += "Compared the run of \(inline(difference.old.startedAt)) against \(inline(difference.old.target)) "
        text += "with the run of \(inline(difference.new.startedAt)) against \(inline(difference.new.target)).\n"
        for note in difference.notes { text += "\n> \(inline(note))\n" }
        let budget = MarkdownReport.byteBudget - 300
        var omitted = 0
        func table(_ title: String, _ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            var block = "\n#### \(title)\n\n| " + header.joined(separator: " | ") + " |\n"
            block += "|" + String(repeating: " --- |", count: header.count) + "\n"
            guard text.utf8.count + block.utf8.count < budget else {
                omitted += rows.count
                return
            }
            for row in rows {
                let line = "| " + row.joined(separator: " | ") + " |\n"
                if text.utf8.count + block.utf8.count + line.utf8.count < budget {
                    block += line
                } else {
                    omitted += 1
                }
            }
            text += block
        }
        table(
            "Verdict changes", ["Change", "Case", "Old", "New", "Requirements", "Why"],
            difference.unexplainedChanges.map { change in
                [
                    "**\(change.direction.rawValue)**", code(change.caseID), change.old.rawValue, change.new.rawValue,
                    inline(RunDifference.requirementsText(change)),
                    inline(RunDifference.shortened(change.reason ?? "", limit: 300)),
                ]
            })
        table(
            "Verdict changes a changed reading explains", ["Change", "What", "Cases"],
            difference.explainedGroups.map { group in
                [
                    "**\(group.direction.rawValue)**", inline(RunDifference.groupText(group)),
                    group.cases.prefix(20).map(code).joined(separator: ", ")
                        + (group.cases.count > 20 ? " … and \(group.cases.count - 20) more" : ""),
                ]
            })
        table(
            "New and removed cases", ["", "Case", "Operation", "Verdict"],
            difference.newCases.map { ["new", code($0.caseID), inline($0.operation), $0.verdict.rawValue] }
                + difference.removedCases.map {
                    ["removed", code($0.caseID), inline($0.operation), $0.verdict.rawValue]
                })
        table(
            "Cases whose definition changed in the catalog", ["Case"],
            difference.changedDefinitions.map { [code($0)] })
        table(
            "Requirements", ["Requirement", "Level", "Change", "Cases"],
            difference.requirements.map { change in
                [
                    code(change.requirement), change.level?.rawValue ?? "", "**\(change.change.rawValue)**",
                    change.cases.map(code).joined(separator: ", "),
                ]
            })
        table(
            "Readings", ["Open point", "Old", "New", "Cases"],
            difference.readings.map { change in
                [
                    inline(change.title) + " (" + code(change.reading) + ")",
                    inline(RunDifference.alternativesText(change.old)),
                    inline(RunDifference.alternativesText(change.new)),
                    change.cases.map {
                        code($0.caseID) + ": " + inline($0.old.joined(separator: ", ")) + " → "
                            + inline($0.new.joined(separator: ", "))
                    }.joined(separator: "; "),
                ]
            })
        table(
            "Answer and notification shapes", ["Kind", "Answer or message", "Change", "Members", "Seen in"],
            difference.shapes.map { change in
                [
                    change.kind.rawValue, code(change.name), change.change.rawValue,
                    inline(RunDifference.membersText(change)), change.examples.map(code).joined(separator: ", "),
                ]
            })
        table(
            "Slower cases", ["Case", "Old", "New", "Factor"],
            difference.slower.map {
                [code($0.caseID), "\($0.oldMs) ms", "\($0.newMs) ms", String(format: "%.1f×", $0.factor)]
            })
        table("Waivers gone stale", ["Waiver"], difference.staleWaivers.map { [inline($0)] })
        if omitted > 0 {
            text += "\n_\(omitted) row\(omitted == 1 ? "" : "s") omitted to keep this comment under "
            text += "\(MarkdownReport.byteBudget / 1000) KB; the HTML or JSON difference has them all._\n"
        }
        return text
    }

    package static func inline(_ text: String) -> String { MarkdownReport.inline(text) }

    /// An identifier in a table cell, escaped rather than in backticks: a hostile value cannot close the span.
    package static func code(_ text: String) -> String { MarkdownReport.inline(text) }
}
