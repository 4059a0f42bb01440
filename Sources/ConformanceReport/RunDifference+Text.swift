import Foundation

/// Words shared by the console, Markdown and HTML renderings of a difference.
extension RunDifference {
    /// One line: "No difference" or the counts of what changed, regressions first.
    public var headline: String {
        guard !isEmpty else {
            return "No difference: the same cases, verdicts, requirements, readings and shapes."
        }
        var parts: [String] = []
        func add(_ count: Int, _ noun: String, _ plural: String? = nil) {
            guard count > 0 else { return }
            parts.append("\(count) \(count == 1 ? noun : plural ?? noun + "s")")
        }
        let explained = regressions.filter { $0.explainedBy != nil }.count
        add(regressions.count, "regression")
        if explained > 0, let last = parts.indices.last {
            parts[last] += " (\(explained) explained by a changed reading)"
        }
        add(fixes.count, "fix", "fixes")
        add(otherChanges.count, "other verdict change")
        add(newCases.count, "new case")
        add(removedCases.count, "removed case")
        add(changedDefinitions.count, "case whose definition changed", "cases whose definition changed")
        add(requirements.filter { $0.change == .broken }.count, "requirement newly broken", "requirements newly broken")
        add(requirements.filter { $0.change == .fixed }.count, "requirement fixed", "requirements fixed")
        add(readings.count, "reading changed", "readings changed")
        add(shapes.count, "shape changed", "shapes changed")
        add(slower.count, "slower case")
        add(staleWaivers.count, "waiver gone stale", "waivers gone stale")
        return (hasRegression ? "Regression: " : "Changed: ") + parts.joined(separator: ", ") + "."
    }

    /// The newly broken requirements, then the fixed ones, for a verdict change: "breaks X, Y; fixes Z".
    package static func requirementsText(_ change: VerdictChange) -> String {
        var parts: [String] = []
        if !change.broken.isEmpty { parts.append("breaks " + change.broken.joined(separator: ", ")) }
        if !change.fixed.isEmpty { parts.append("fixes " + change.fixed.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// "ok-body", "MIXED (a, b)" or "not observed".
    package static func alternativesText(_ alternatives: [String]) -> String {
        switch alternatives.count {
        case 0: "not observed"
        case 1: alternatives[0]
        default: "MIXED (" + alternatives.joined(separator: ", ") + ")"
        }
    }

    /// "added /a (string), /b (object); removed /c (number); retyped /d number → string".
    package static func membersText(_ change: ShapeChange) -> String {
        var parts: [String] = []
        if !change.added.isEmpty { parts.append("added " + change.added.map(memberText).joined(separator: ", ")) }
        if !change.removed.isEmpty {
            parts.append("removed " + change.removed.map(memberText).joined(separator: ", "))
        }
        if !change.retyped.isEmpty {
            parts.append(
                "retyped "
                    + change.retyped.map {
                        "\(pathText($0.path)) \($0.old.joined(separator: "|")) → \($0.new.joined(separator: "|"))"
                    }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    package static func memberText(_ member: ShapeChange.Member) -> String {
        "\(pathText(member.path)) (\(member.types.joined(separator: "|")))"
    }

    /// The whole body is shown as `(body)` rather than an empty pointer.
    package static func pathText(_ path: String) -> String { path.isEmpty ? "(body)" : path }

    /// "answer POST /me/interactions/{id} Accept → 2xx" or "notification InteractionStateMessage on …", and what
    /// happened to it as a whole.
    package static func shapeTitle(_ change: ShapeChange) -> String {
        let what = "\(change.kind.rawValue) \(change.name)"
        switch change.change {
        case .added: return what + " (new: only the new run received it)"
        case .removed: return what + " (gone: only the old run received it)"
        case .changed: return what
        }
    }

    /// A reason cut to one readable line.
    package static func shortened(_ text: String, limit: Int = 240) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= limit ? line : String(line.prefix(limit)) + "…"
    }

    package static func durationText(_ change: DurationChange) -> String {
        "\(change.caseID): \(change.oldMs) ms → \(change.newMs) ms (\(String(format: "%.1f", change.factor))×)"
    }
}
