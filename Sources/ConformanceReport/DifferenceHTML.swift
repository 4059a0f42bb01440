import Foundation

/// Renders the difference between two runs as one self-contained HTML page, the old run on the left and the new
/// one on the right. Every value is escaped (reports may quote a hostile server), and the page loads nothing.
public enum DifferenceHTML {
    public static func render(_ difference: RunDifference) -> String {
        var html = HTMLReport.documentStart(
            title: "\(difference.headline) — GWS Interactions conformance",
            stylesheet: HTMLReport.stylesheet + stylesheet)
        html += "<header>\n<h1>What changed between two runs</h1>\n"
        let verdict = difference.hasRegression ? "fail" : (difference.isEmpty ? "pass" : "warn")
        html += "<p class=\"headline h-\(verdict)\">\(escape(difference.headline))</p>\n</header>\n"
        html += sides(difference)
        for note in difference.notes { html += "<div class=\"banner\">\(escape(note))</div>\n" }
        html += section(
            "Verdict changes", ["Change", "Case", "Old", "New", "Requirements", "Why"],
            difference.unexplainedChanges.map { change in
                [
                    escape(change.direction.rawValue), code(change.caseID), HTMLReport.badge(change.old),
                    HTMLReport.badge(change.new), escape(RunDifference.requirementsText(change)),
                    escape(change.reason ?? ""),
                ]
            })
        html += section(
            "Verdict changes a changed reading explains", ["Change", "What", "Cases"],
            difference.explainedGroups.map { group in
                [
                    escape(group.direction.rawValue), escape(RunDifference.groupText(group)),
                    group.cases.map(code).joined(separator: ", "),
                ]
            })
        html += section(
            "Cases in one run only", ["Case", "Operation", "Old", "New"],
            difference.removedCases.map { [code($0.caseID), escape($0.operation), HTMLReport.badge($0.verdict), "—"] }
                + difference.newCases.map {
                    [code($0.caseID), escape($0.operation), "—", HTMLReport.badge($0.verdict)]
                })
        html += section(
            "Cases whose definition changed in the catalog", ["Case"], difference.changedDefinitions.map { [code($0)] })
        html += section(
            "Requirements", ["Requirement", "Level", "Old", "New", "Cases"],
            difference.requirements.map { change in
                let (old, new) = change.change == .broken ? ("holds", "broken") : ("broken", "holds")
                return [
                    code(change.requirement), escape(change.level?.rawValue ?? ""), cell(old), cell(new),
                    change.cases.map(code).joined(separator: ", "),
                ]
            })
        html += section(
            "Readings of the document", ["Open point", "Old", "New", "Cases"],
            difference.readings.map { change in
                [
                    escape(change.title) + " " + code(change.reading),
                    escape(RunDifference.alternativesText(change.old)),
                    escape(RunDifference.alternativesText(change.new)),
                    change.cases.map {
                        code($0.caseID) + ": " + escape($0.old.joined(separator: ", ")) + " → "
                            + escape($0.new.joined(separator: ", "))
                    }.joined(separator: "<br>"),
                ]
            })
        html += section(
            "Answer and notification shapes", ["Answer or message", "Old", "New", "Seen in"],
            difference.shapes.map { change in
                [
                    escape(change.kind.rawValue) + " " + code(change.name),
                    members(
                        change.removed.map { ($0.path, $0.types, "del") }
                            + change.retyped.map { ($0.path, $0.old, "del") }, absent: change.change == .added),
                    members(
                        change.added.map { ($0.path, $0.types, "add") }
                            + change.retyped.map { ($0.path, $0.new, "add") }, absent: change.change == .removed),
                    change.examples.map(code).joined(separator: ", "),
                ]
            })
        html += section(
            "Slower cases", ["Case", "Old", "New", "Factor"],
            difference.slower.map {
                [code($0.caseID), "\($0.oldMs) ms", "\($0.newMs) ms", String(format: "%.1f×", $0.factor)]
            })
        html += section("Waivers gone stale", ["Waiver"], difference.staleWaivers.map { [escape($0)] })
        return html + "<footer>GWS Interactions conformance suite \(escape(SuiteVersion.current))</footer>\n"
            + "</body>\n</html>\n"
    }

    /// The two runs side by side: target, start, catalog digest and counts.
    private static func sides(_ difference: RunDifference) -> String {
        var html = "<table class=\"sides\">\n<thead><tr><th></th><th>Old</th><th>New</th></tr></thead>\n<tbody>\n"
        let rows: [(String, (RunDifference.Side) -> String)] = [
            ("Target", { escape($0.target) }),
            ("Started", { escape($0.startedAt) }),
            ("Catalog", { code(String(($0.catalogDigest ?? "(none)").prefix(12))) }),
            (
                "Verdicts",
                { side in
                    let summary = side.summary
                    return escape(
                        "\(summary.total) cases: \(summary.pass) PASS, \(summary.fail) FAIL, \(summary.warn) WARN, "
                            + "\(summary.note) NOTE, \(summary.skip) SKIP, \(summary.error) ERROR, "
                            + "\(summary.waived) WAIVED")
                }
            ),
        ]
        for (title, value) in rows {
            html += "<tr><th scope=\"row\">\(title)</th><td>\(value(difference.old))</td>"
            html += "<td>\(value(difference.new))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A table, or nothing when there are no rows. Cells are HTML already escaped by the caller.
    private static func section(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        var html = "<h2>\(escape(title)) <span class=\"muted\">(\(rows.count))</span></h2>\n"
        html += "<table class=\"changes\">\n<thead><tr>"
        html += header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    /// Member paths with their types, marked as gone (old side) or new (new side).
    private static func members(_ list: [(path: String, types: [String], mark: String)], absent: Bool) -> String {
        if absent { return "<span class=\"muted\">not received</span>" }
        return list.sorted { $0.path < $1.path }.map {
            "<div class=\"\($0.mark)\"><code>\(escape(RunDifference.pathText($0.path)))</code> "
                + "\(escape($0.types.joined(separator: "|")))</div>"
        }.joined()
    }

    private static func cell(_ state: String) -> String {
        "<span class=\"\(state == "broken" ? "del" : "add")\">\(state)</span>"
    }

    private static func code(_ text: String) -> String { "<code>\(escape(text))</code>" }

    package static func escape(_ text: String) -> String { HTMLReport.escape(text) }

    package static let stylesheet = """
        .headline { font-size: 16px; font-weight: 600; }
        .headline.h-fail { color: var(--fail); } .headline.h-warn { color: var(--warn); }
        .headline.h-pass { color: var(--pass); }
        table.sides, table.changes { border-collapse: collapse; width: 100%; margin: 8px 0; }
        .sides th, .sides td, .changes th, .changes td { padding: 4px 10px; border-bottom: 1px solid var(--line);
          text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        .changes td code { overflow-wrap: anywhere; white-space: normal; }
        .sides thead th, .changes thead th { font-size: 12px; color: var(--muted); }
        .del { background: var(--del-bg); } .add { background: var(--add-bg); }

        """
}
