extension RunDifference {
    /// How to compare.
    public struct Options: Sendable, Hashable {
        /// List cases that took more than this many times as long (`--slower 3x`); nil lists none.
        public var slower: Double?
        /// Compare reports of different catalogs, listing the cases whose definition changed.
        public var allowCatalogChange: Bool

        public init(slower: Double? = nil, allowCatalogChange: Bool = false) {
            self.slower = slower
            self.allowCatalogChange = allowCatalogChange
        }

        /// A case counts as slower only when it also took at least this much longer: loopback times jitter.
        public static let slowerFloorMs = 10
    }

    /// What turns a difference into a failing exit code (`--fail-on`).
    public enum Gate: String, Sendable, Hashable, CaseIterable {
        /// A case's verdict got worse, or a case breaks a requirement it did not break before.
        case regression
        /// Any difference at all.
        case change
    }

    /// The two reports were judged by different catalogs.
    public struct CatalogMismatch: Error, Sendable, Hashable, CustomStringConvertible {
        public var old: String?
        public var new: String?

        public init(old: String?, new: String?) {
            self.old = old
            self.new = new
        }

        public var description: String {
            "the reports were written with different catalogs (catalog digest \(Self.short(old)) against "
                + "\(Self.short(new))), so their verdicts do not mean the same thing; compare them anyway with "
                + "--allow-catalog-change, which also lists the cases whose definition changed"
        }

        package static func short(_ digest: String?) -> String { digest.map { String($0.prefix(12)) } ?? "(none)" }
    }

    /// Whether this difference fails `gate`.
    public func fails(_ gate: Gate) -> Bool {
        switch gate {
        case .regression: hasRegression
        case .change: !isEmpty
        }
    }

    /// Compares two runs of a target: `old` is the reference (the last release), `new` the run under review.
    public init(old: RunResult, new: RunResult, options: Options = Options()) throws(CatalogMismatch) {
        let catalogChanged = old.suite.catalogDigest != new.suite.catalogDigest
        if catalogChanged, !options.allowCatalogChange {
            throw CatalogMismatch(old: old.suite.catalogDigest, new: new.suite.catalogDigest)
        }
        self.old = Side(old)
        self.new = Side(new)
        self.catalogChanged = catalogChanged
        notes = []
        let before = Dictionary(old.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.cases.map(\.id))
        newCases = new.cases.filter { before[$0.id] == nil }.map(CaseEntry.init)
        removedCases = old.cases.filter { !after.contains($0.id) }.map(CaseEntry.init)
        var changes: [VerdictChange] = []
        var broken: [String: [String]] = [:]
        var fixed: [String: [String]] = [:]
        var slower: [DurationChange] = []
        var definitions: [String] = []
        var undigested = false
        for result in new.cases {
            guard let earlier = before[result.id] else { continue }
            let judged = Self.isJudged(earlier) && Self.isJudged(result)
            let was = judged ? Self.brokenRequirements(earlier) : []
            let now = judged ? Self.brokenRequirements(result) : []
            let newlyBroken = now.filter { !was.contains($0) }
            let nowFixed = was.filter { !now.contains($0) }
            for requirement in newlyBroken { broken[requirement, default: []].append(result.id) }
            for requirement in nowFixed { fixed[requirement, default: []].append(result.id) }
            if earlier.verdict != result.verdict {
                changes.append(
                    VerdictChange(
                        caseID: result.id, operation: result.operation, title: result.title, old: earlier.verdict,
                        new: result.verdict, direction: Self.direction(from: earlier.verdict, to: result.verdict),
                        broken: newlyBroken, fixed: nowFixed, reason: Self.reason(result, broken: newlyBroken)))
            }
            if let factor = options.slower, let change = Self.slower(earlier, result, factor: factor) {
                slower.append(change)
            }
            if catalogChanged {
                if let was = earlier.caseDigest, let now = result.caseDigest {
                    if was != now { definitions.append(result.id) }
                } else {
                    undigested = true
                }
            }
        }
        readings = Self.readingChanges(old, new)
        verdictChanges = Self.ordered(Self.explain(changes, by: readings, old: old, new: new))
        var levels: [String: RequirementLevel] = [:]
        for deviation in (old.cases + new.cases).flatMap(\.deviations) {
            levels[deviation.requirement] = deviation.level
        }
        let level = { (id: String) in new.clauses[id]?.level ?? old.clauses[id]?.level ?? levels[id] }
        requirements =
            broken.keys.sorted().map {
                RequirementChange(requirement: $0, level: level($0), change: .broken, cases: broken[$0]!)
            }
            + fixed.keys.sorted().map {
                RequirementChange(requirement: $0, level: level($0), change: .fixed, cases: fixed[$0]!)
            }
        self.slower = slower
        changedDefinitions = definitions
        if undigested {
            notes.append(
                "A report has no case digests (written by an earlier suite version): the cases whose definition "
                    + "changed cannot be told apart.")
        }
        let waivedBefore = Set(old.staleWaivers ?? [])
        staleWaivers = (new.staleWaivers ?? []).filter { !waivedBefore.contains($0) }
        shapes = []
        if let oldShapes = old.shapes, let newShapes = new.shapes {
            shapes = Self.shapeChanges(oldShapes, newShapes)
        } else {
            notes.append(
                "The \(old.shapes == nil ? "old" : "new") report records no shapes (written by an earlier suite "
                    + "version): answer and notification shapes are not compared.")
        }
    }

    /// Passing (PASS, NOTE, WAIVED, SKIP) < WARN < FAIL and ERROR.
    package static func rank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .pass, .note, .waived, .skip: 0
        case .warn: 1
        case .fail, .error: 2
        }
    }

    package static func direction(from old: Verdict, to new: Verdict) -> Direction {
        if new == .skip { return .change }
        let (was, now) = (rank(old), rank(new))
        return now > was ? .regression : (now < was ? .fix : .change)
    }

    /// A case whose requirements were judged: neither ERROR (stopped early) nor SKIP.
    package static func isJudged(_ result: CaseResult) -> Bool {
        result.verdict != .error && result.verdict != .skip
    }

    /// The MUST and SHOULD requirements the case breaks (waived ones are accepted, INFO never breaks), in order.
    package static func brokenRequirements(_ result: CaseResult) -> [String] {
        var seen: [String] = []
        for deviation in result.deviations where deviation.level != .info && !seen.contains(deviation.requirement) {
            seen.append(deviation.requirement)
        }
        return seen
    }

    package static func reason(_ result: CaseResult, broken: [String]) -> String? {
        if result.verdict == .error || result.verdict == .skip { return result.error }
        let deviations = result.deviations.filter { $0.level != .info }
        return (deviations.first { broken.contains($0.requirement) } ?? deviations.first)?.message
            ?? (result.verdict == .note ? result.notes.first : nil)
    }

    package static func slower(_ old: CaseResult, _ new: CaseResult, factor: Double) -> DurationChange? {
        guard old.verdict != .skip, new.verdict != .skip,
            new.durationMs - old.durationMs >= Options.slowerFloorMs,
            Double(new.durationMs) > factor * Double(max(old.durationMs, 1))
        else { return nil }
        return DurationChange(
            caseID: new.id, oldMs: old.durationMs, newMs: new.durationMs,
            factor: Double(new.durationMs) / Double(max(old.durationMs, 1)))
    }
}

extension RunDifference.Side {
    package init(_ run: RunResult) {
        self.init(
            target: run.target.name, startedAt: run.startedAt, catalogDigest: run.suite.catalogDigest,
            summary: run.summary)
    }
}

extension RunDifference.CaseEntry {
    package init(_ result: CaseResult) {
        self.init(caseID: result.id, operation: result.operation, verdict: result.verdict)
    }
}
