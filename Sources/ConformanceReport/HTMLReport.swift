import Foundation

/// Renders a run as one self-contained HTML page: summary, per-operation table, every case that did not pass with
/// its deviations, clauses and transcript, then the passing cases.
///
/// Every value of the run is escaped (it may come from a hostile server), and the page loads nothing: inline CSS,
/// no script, and a Content-Security-Policy that forbids any fetch should an escape ever be missed.
public enum HTMLReport {
    /// The start of a page up to `<body>`: a policy that forbids any fetch, the (escaped) title, inline CSS.
    static func documentStart(title: String, stylesheet: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(stylesheet)</style>
        </head>
        <body>

        """
    }

    public static func render(_ run: RunResult) -> String {
        let overall = overallVerdict(run)
        var html = documentStart(
            title: "\(overall.rawValue): \(run.target.name) — GWS Interactions conformance", stylesheet: stylesheet)
        html += header(run, overall: overall)
        if let incomplete = run.incompleteReason {
            html +=
                "<div class=\"banner\" role=\"alert\"><strong>Incomplete run:</strong> \(escape(incomplete))</div>\n"
        }
        html += summaryBar(run.summary)
        html += operationTable(run)
        html += readingsTable(run)
        html += attention(run)
        html += passed(run)
        html += "<footer>GWS Interactions conformance suite \(escape(run.suite.version))</footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    private static func header(_ run: RunResult, overall: Verdict) -> String {
        var html = "<header>\n<h1>\(badge(overall)) GWS Interactions conformance</h1>\n<dl class=\"meta\">\n"
        let fields = [
            ("Target", "\(escape(run.target.name)) <code>\(escape(run.target.baseURL))</code>"),
            ("Media types", escape(run.mediaTypes?.map(\.mediaType).joined(separator: ", ") ?? "not recorded")),
            ("Suite version", escape(run.suite.version)),
            ("Started", "<time datetime=\"\(escape(run.startedAt))\">\(escape(readableTime(run.startedAt)))</time>"),
            ("Duration", escape(readableDuration(run.durationMs))),
        ]
        for (term, value) in fields { html += "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n" }
        for warning in run.target.warnings ?? [] { html += "<div><dt>Warning</dt><dd>\(escape(warning))</dd></div>\n" }
        return html + "</dl>\n</header>\n"
    }

    private static func summaryBar(_ summary: RunResult.Summary) -> String {
        let counts = Verdict.allCases.map { ($0, count(of: $0, in: summary)) }
        let label = counts.map { "\($1) \($0.rawValue)" }.joined(separator: ", ")
        var html = "<section class=\"summary\">\n"
        html += "<p class=\"total\"><b>\(summary.total)</b> case\(summary.total == 1 ? "" : "s")</p>\n"
        html += "<div class=\"bar\" role=\"img\" aria-label=\"\(label)\">"
        for (verdict, count) in counts where count > 0 {
            let percent = String(format: "%.3f", Double(count) * 100 / Double(max(summary.total, 1)))
            html += "<span class=\"\(cssClass(verdict))\" style=\"width:\(percent)%\" title=\"\(count) "
            html += "\(verdict.rawValue)\"></span>"
        }
        html += "</div>\n<ul class=\"legend\">\n"
        for (verdict, count) in counts {
            html += "<li class=\"\(cssClass(verdict))\(count == 0 ? " zero" : "")\"><span class=\"dot\"></span>"
            html += "<b>\(count)</b> \(verdict.rawValue)</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private static func operationTable(_ run: RunResult) -> String {
        var html = "<section>\n<h2>Operations</h2>\n<table class=\"operations\">\n<thead><tr><th>Operation</th>"
        html += "<th>Cases</th>"
        for verdict in Verdict.allCases { html += "<th class=\"\(cssClass(verdict))\">\(verdict.rawValue)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (index, operation) in run.operations.enumerated() {
            let cases = run.cases.filter { $0.operation == operation }
            let summary = RunResult.Summary(cases)
            let name = escape(operation)
            let needsAttention = summary.pass != summary.total
            html += "<tr><th scope=\"row\">"
            html += needsAttention ? "<a href=\"#op-\(index)\">\(name)</a>" : name
            html += "</th><td>\(summary.total)</td>"
            for verdict in Verdict.allCases {
                let count = count(of: verdict, in: summary)
                html += count == 0 ? "<td class=\"zero\">0</td>" : "<td class=\"\(cssClass(verdict))\">\(count)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    private static func attention(_ run: RunResult) -> String {
        let count = run.cases.count(where: { $0.verdict != .pass })
        guard count > 0 else { return "" }
        var html = "<section>\n<h2>Cases to look at (\(count))</h2>\n"
        var caseNumber = 0
        for (index, operation) in run.operations.enumerated() {
            let cases = run.cases.filter { $0.operation == operation && $0.verdict != .pass }
            guard !cases.isEmpty else { continue }
            html += "<h3 id=\"op-\(index)\">\(escape(operation))</h3>\n"
            for result in cases {
                caseNumber += 1
                html += article(result, number: caseNumber, clauses: run.clauses)
            }
        }
        return html + "</section>\n"
    }

    private static func passed(_ run: RunResult) -> String {
        let cases = run.cases.filter { $0.verdict == .pass }
        guard !cases.isEmpty else { return "" }
        var html = "<section>\n<h2>Passed (\(cases.count))</h2>\n<ul class=\"passed\">\n"
        for result in cases {
            html += "<li title=\"\(escape(result.operation))\"><span class=\"check\">✓</span> "
            html += "<code>\(escape(result.id))</code> <span class=\"muted\">\(escape(result.title))</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    /// FAIL before ERROR before WARN: the worst thing the run found.
    package static func overallVerdict(_ run: RunResult) -> Verdict {
        let summary = run.summary
        if summary.fail > 0 { return .fail }
        if summary.error > 0 { return .error }
        if summary.warn > 0 { return .warn }
        return .pass
    }

    package static func badge(_ verdict: Verdict) -> String {
        "<span class=\"badge \(cssClass(verdict))\">\(verdict.rawValue)</span>"
    }

    package static func cssClass(_ verdict: Verdict) -> String {
        "v-" + verdict.rawValue.lowercased()
    }

    private static func count(of verdict: Verdict, in summary: RunResult.Summary) -> Int {
        switch verdict {
        case .pass: summary.pass
        case .fail: summary.fail
        case .warn: summary.warn
        case .note: summary.note
        case .skip: summary.skip
        case .error: summary.error
        case .waived: summary.waived
        }
    }

    /// `2024-05-01 09:30:00 UTC` from the report's ISO 8601 time; the text as given when it does not parse.
    package static func readableTime(_ iso8601: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso8601) else { return iso8601 }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    package static func readableDuration(_ milliseconds: Int) -> String {
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 { return String(format: "%.2f s", Double(milliseconds) / 1000) }
        return "\(milliseconds / 60_000) min \(milliseconds % 60_000 / 1000) s"
    }

    /// Escapes text for HTML element content and quoted attribute values; drops control characters other than tab
    /// and line breaks, which HTML treats as parse errors.
    package static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text, for: .html)
    }
}
