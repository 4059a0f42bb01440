extension HTMLReport {
    /// The readings section: which alternative of each open point of the document the target follows.
    package static func readingsTable(_ run: RunResult) -> String {
        guard let readings = run.readings, !readings.isEmpty else { return "" }
        var html = "<section>\n<h2>Readings of the document</h2>\n<table class=\"operations\">\n"
        html += "<thead><tr><th>Open point</th><th>Target follows</th><th>Seen in</th><th>Told apart by</th></tr>"
        html += "</thead>\n<tbody>\n"
        for reading in readings {
            let followed = reading.followed
            let shown = reading.followedText
            let seen = followed.map { alternative in
                "\(alternative.count) \(reading.noun(alternative.count))"
                    + (alternative.examples.isEmpty ? "" : " (" + alternative.examples.joined(separator: ", ") + ")")
            }.joined(separator: "; ")
            html += "<tr><th scope=\"row\">\(escape(reading.title))</th><td>\(escape(shown))</td>"
            html += "<td>\(escape(seen))</td><td>\(escape(reading.observedBy))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
