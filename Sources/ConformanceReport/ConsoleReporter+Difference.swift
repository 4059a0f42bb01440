extension ConsoleReporter {
    /// Prints what changed between two runs: regressions first, then fixes, other verdict changes, new and removed
    /// cases, requirements, readings, shapes and durations; then a headline.
    public func difference(_ difference: RunDifference) {
        write("")
        write(
            paint(
                "== Difference from the run of \(difference.old.startedAt) (\(difference.old.target)) "
                    + "to the run of \(difference.new.startedAt) (\(difference.new.target))", .bold))
        if difference.catalogChanged {
            write(
                paint(
                    "The catalogs differ (digest \(short(difference.old.catalogDigest)) → "
                        + "\(short(difference.new.catalogDigest))): compared under --allow-catalog-change.", .yellow))
        }
        let unexplained = difference.unexplainedChanges
        section("Regressions", unexplained.filter { $0.direction == .regression }.map(verdictLine), .red)
        section("Fixes", unexplained.filter { $0.direction == .fix }.map(verdictLine), .green)
        section("Other verdict changes", unexplained.filter { $0.direction == .change }.map(verdictLine), .cyan)
        section(
            "Verdict changes a changed reading explains",
            difference.explainedGroups.map { group in
                RunDifference.groupText(group) + "\n      "
                    + RunDifference.casesText(group.cases, shown: Self.casesShown)
            }, .yellow)
        section("New cases", difference.newCases.map { "+ \($0.caseID) (\($0.operation)): \($0.verdict.rawValue)" })
        section(
            "Removed cases", difference.removedCases.map { "- \($0.caseID) (\($0.operation)): \($0.verdict.rawValue)" }
        )
        section("Cases whose definition changed in the catalog", difference.changedDefinitions)
        let broken = difference.requirements.filter { $0.change == .broken }
        let fixed = difference.requirements.filter { $0.change == .fixed }
        section("Requirements newly broken", broken.map(requirementLine), .red)
        section("Requirements fixed", fixed.map(requirementLine), .green)
        section(
            "Readings changed",
            difference.readings.flatMap { change in
                [
                    "\(change.reading) (\(change.requirement)): \(RunDifference.alternativesText(change.old)) → "
                        + RunDifference.alternativesText(change.new)
                ]
                    + change.cases.prefix(Self.casesShown).map {
                        "    \($0.caseID): \($0.old.joined(separator: ", ")) → \($0.new.joined(separator: ", "))"
                    }
                    + (change.cases.count > Self.casesShown
                        ? [
                            "    … and \(change.cases.count - Self.casesShown) more cases (the JSON difference has them all)"
                        ]
                        : [])
            }, .yellow)
        section(
            "Shapes changed",
            difference.shapes.flatMap { change in
                [RunDifference.shapeTitle(change), "    " + RunDifference.membersText(change)]
                    + (change.examples.isEmpty ? [] : ["    seen in " + change.examples.joined(separator: ", ")])
            }, .yellow)
        section("Slower cases", difference.slower.map(RunDifference.durationText), .yellow)
        section("Waivers gone stale", difference.staleWaivers, .yellow)
        for note in difference.notes { write(paint("note: " + note, .cyan)) }
        write("")
        write(
            paint(
                difference.headline,
                difference.hasRegression ? .red : (difference.isEmpty ? .green : .yellow)))
    }

    /// How many cases of a changed reading the console lists.
    static let casesShown = 10

    private func short(_ digest: String?) -> String { digest.map { String($0.prefix(12)) } ?? "(none)" }

    private func section(_ title: String, _ lines: [String], _ color: Color? = nil) {
        guard !lines.isEmpty else { return }
        write(color.map { paint(title + ":", $0) } ?? title + ":")
        for line in lines { write("  " + line) }
    }

    private func verdictLine(_ change: RunDifference.VerdictChange) -> String {
        let requirements = RunDifference.requirementsText(change)
        return "\(change.old.rawValue) → \(change.new.rawValue)  \(change.caseID) (\(change.operation))"
            + (requirements.isEmpty ? "" : ": \(requirements)")
            + (change.reason.map { "\n      " + RunDifference.shortened($0) } ?? "")
    }

    private func requirementLine(_ change: RunDifference.RequirementChange) -> String {
        "\(change.requirement)\(change.level.map { " (\($0.rawValue))" } ?? "") in "
            + change.cases.joined(separator: ", ")
    }
}
