extension HTMLReport {
    /// One case that did not pass: why, each deviation with the clause it breaks, notes and the transcript.
    package static func article(_ result: CaseResult, number: Int, clauses: [String: RunResult.Clause]) -> String {
        var html = "<article class=\"case \(cssClass(result.verdict))\" id=\"case-\(number)\">\n<header>"
        html += badge(result.verdict) + " <code class=\"id\">\(escape(result.id))</code> "
        html += "<span class=\"title\">\(escape(result.title))</span> "
        if let media = result.mediaVerdicts { html += "<span class=\"muted\">\(escape(media))</span> " }
        html += "<span class=\"muted\">\(escape(readableDuration(result.durationMs)))</span></header>\n"
        if !result.requirements.isEmpty {
            let cited = result.requirements.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
            html += "<p class=\"cites\">Cites \(cited)</p>\n"
        }
        if let reason = result.error {
            let label = result.verdict == .skip ? "Not applicable" : "Could not be judged"
            html += "<p class=\"reason\"><strong>\(label):</strong> \(escape(reason))</p>\n"
        }
        // A clause, an erratum or a curl line shared by several deviations is shown once.
        var quoted = Set<String>()
        var curls = Set<String>()
        for deviation in result.deviations {
            let first = quoted.insert(deviation.requirement).inserted
            let clause = first ? clauses[deviation.requirement] : nil
            let erratum = first ? deviation.erratum ?? clause?.erratum : nil
            let curl = deviation.curl.flatMap { curls.insert($0).inserted ? $0 : nil }
            html += self.deviation(deviation, clause: clause, erratum: erratum, curl: curl)
        }
        if !result.notes.isEmpty {
            html += "<ul class=\"notes\">\n"
            for note in result.notes { html += "<li><strong>Note:</strong> \(escape(note))</li>\n" }
            html += "</ul>\n"
        }
        if !result.info.isEmpty {
            html += "<details class=\"info\"><summary>Information (\(result.info.count))</summary>\n<ul>\n"
            for info in result.info { html += "<li>\(escape(info))</li>\n" }
            html += "</ul>\n</details>\n"
        }
        if result.verdict != .skip, let curl = result.curl, curls.insert(curl).inserted {
            html += "<div class=\"reproduce\"><span class=\"label\">Reproduce</span>"
            html += "<pre class=\"curl\">\(escape(curl))</pre></div>\n"
        }
        html += transcript(result.transcript)
        return html + "</article>\n"
    }

    private static func deviation(
        _ deviation: Deviation, clause: RunResult.Clause?, erratum: String?, curl: String?
    ) -> String {
        let level = deviation.level.rawValue.lowercased()
        var html = "<div class=\"deviation lvl-\(level)\">\n<div class=\"head\">"
        html += "<code class=\"req\">\(escape(deviation.requirement))</code> "
        html += "<span class=\"level lvl-\(level)\">\(deviation.level.rawValue)</span> at "
        html += "<code class=\"pointer\">\(escape(deviation.pointer.isEmpty ? "(whole answer)" : deviation.pointer))"
        html += "</code>"
        if deviation.followsEarlier == true { html += " <em>(may follow from an earlier step's deviation)</em>" }
        html += "</div>\n"
        html += "<p class=\"message\">\(escape(deviation.described))</p>\n"
        if let clause {
            html += "<blockquote class=\"clause\"><p>\(escape(clause.quote))</p>"
            html += "<cite>\(escape(clause.section)) · \(clause.level.rawValue)</cite></blockquote>\n"
        }
        if let erratum {
            html += "<p class=\"erratum\"><strong>Erratum:</strong> \(escape(erratum))</p>\n"
        }
        html += "<div class=\"diff\">"
        html +=
            "<div class=\"expected\"><span class=\"label\">− expected</span><pre>\(escape(deviation.expected))</pre></div>"
        html +=
            "<div class=\"actual\"><span class=\"label\">+ actual</span><pre>\(escape(deviation.actual))</pre></div>"
        html += "</div>\n"
        if let curl {
            html += "<div class=\"reproduce\"><span class=\"label\">Reproduce</span>"
            html += "<pre class=\"curl\">\(escape(curl))</pre></div>\n"
        }
        return html + "</div>\n"
    }

    /// The exchanges and notifications, collapsed: they matter once the deviation is understood.
    private static func transcript(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        let notifications = lines.count(where: { $0.contains(" ⇐ ") })
        let exchanges = lines.count(where: { $0.contains(" → ") })
        var html = "<details class=\"transcript\"><summary>Transcript: \(exchanges) exchange"
        html += "\(exchanges == 1 ? "" : "s"), \(notifications) notification\(notifications == 1 ? "" : "s")"
        html += "</summary>\n<ol>\n"
        for line in lines {
            let kind = line.contains(" ⇐ ") ? "notification" : (line.contains(" → ") ? "exchange" : "step")
            html += "<li class=\"\(kind)\">\(escape(line))</li>\n"
        }
        return html + "</ol>\n</details>\n"
    }
}
