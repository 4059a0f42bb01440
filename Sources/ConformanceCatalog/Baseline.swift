import ConformanceReport
import Foundation

/// Known deviations a user accepts for now (`--baseline known.yaml`): waived ones show as WAIVED and do not
/// fail the run; a waiver whose deviation no longer happens is reported as stale, so the list cannot rot.
public struct Baseline: Sendable, Hashable {
    /// One accepted deviation.
    public struct Waiver: Sendable, Hashable {
        public var caseID: String
        public var requirement: String
        public var reason: String
        /// The waiver stops applying after this day (`YYYY-MM-DD`, UTC).
        public var expires: String?

        public init(caseID: String, requirement: String, reason: String, expires: String? = nil) {
            self.caseID = caseID
            self.requirement = requirement
            self.reason = reason
            self.expires = expires
        }

        package var label: String { "\(caseID) / \(requirement)" }
    }

    public var waivers: [Waiver]

    public init(waivers: [Waiver]) {
        self.waivers = waivers
    }

    /// Reads a baseline file; problems name the file, line and field.
    public static func load(path: String) throws(InputFileError) -> Baseline {
        let root = try YAMLValue.parse(Catalog.readText(path), file: path).mapping("the baseline")
        try root.rejectUnknownFields(["waivers"])
        var waivers: [Waiver] = []
        for node in try root["waivers"]?.list("waivers") ?? [] {
            let fields = try node.mapping("a waiver")
            try fields.rejectUnknownFields(["case", "requirement", "reason", "expires"])
            let expires = try fields["expires"]?.string("expires")
            if let expires, day(expires) == nil {
                throw try fields.required("expires").error("expires '\(expires)' is not a date like 2027-01-31")
            }
            waivers.append(
                Waiver(
                    caseID: try fields.required("case").string("case"),
                    requirement: try fields.required("requirement").string("requirement"),
                    reason: try fields.required("reason").string("reason"),
                    expires: expires
                )
            )
        }
        return Baseline(waivers: waivers)
    }

    /// A baseline that waives every MUST and SHOULD deviation of `run`, with a reason to fill in.
    public static func from(_ run: RunResult) -> Baseline {
        var waivers: [Waiver] = []
        for result in run.cases {
            for deviation in result.deviations + (result.waived ?? []) where deviation.level != .info {
                let waiver = Waiver(
                    caseID: result.id,
                    requirement: deviation.requirement,
                    reason: deviation.waiver ?? "TODO: why this deviation is accepted, and until when"
                )
                if !waivers.contains(where: { $0.label == waiver.label }) { waivers.append(waiver) }
            }
        }
        return Baseline(waivers: waivers)
    }

    /// The YAML text of the baseline.
    public var yaml: String {
        var lines = ["# Deviations accepted for now: `conformance run --baseline THIS_FILE`.", "waivers:"]
        for waiver in waivers {
            lines.append("  - case: \(waiver.caseID)")
            lines.append("    requirement: \(waiver.requirement)")
            lines.append("    reason: \"\(waiver.reason.replacingOccurrences(of: "\"", with: "\\\""))\"")
            if let expires = waiver.expires { lines.append("    expires: \"\(expires)\"") }
        }
        if waivers.isEmpty { lines[1] = "waivers: []" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One case as the run's report will show it (for live progress): its waived deviations set aside.
    public func apply(to testCase: CaseResult, today: Date = Date()) -> CaseResult {
        let active = waivers.filter { waiver in
            guard let expires = waiver.expires, let end = Self.day(expires) else { return true }
            return today <= end.addingTimeInterval(86_400)
        }
        return Self.waive(testCase, by: active).result
    }

    /// The case with the deviations `active` waives set aside and its verdict recomputed, and the labels of the
    /// waivers used.
    static func waive(_ testCase: CaseResult, by active: [Waiver]) -> (result: CaseResult, used: Set<String>) {
        var testCase = testCase
        var used = Set<String>()
        var kept: [Deviation] = []
        var waived: [Deviation] = []
        for deviation in testCase.deviations {
            if deviation.level != .info,
                let waiver = active.first(where: {
                    $0.caseID == testCase.id && $0.requirement == deviation.requirement
                })
            {
                var set = deviation
                set.waiver = waiver.reason
                waived.append(set)
                used.insert(waiver.label)
            } else {
                kept.append(deviation)
            }
        }
        guard !waived.isEmpty else { return (testCase, used) }
        testCase.deviations = kept
        testCase.waived = waived
        let verdict = CaseResult.verdict(deviations: kept, notes: testCase.notes, error: testCase.error)
        testCase.verdict = verdict == .pass || verdict == .note ? .waived : verdict
        testCase.rejudgeMediaTypes()
        return (testCase, used)
    }

    /// The run with waived deviations set aside, verdicts recomputed, and stale and expired waivers listed.
    public func apply(to run: RunResult, today: Date = Date()) -> RunResult {
        var result = run
        var used = Set<String>()
        var expired: [String] = []
        let active = waivers.filter { waiver in
            guard let expires = waiver.expires, let end = Self.day(expires) else { return true }
            if today > end.addingTimeInterval(86_400) {
                expired.append("\(waiver.label) expired on \(expires): its deviation counts again")
                return false
            }
            return true
        }
        for index in result.cases.indices {
            let (testCase, labels) = Self.waive(result.cases[index], by: active)
            result.cases[index] = testCase
            used.formUnion(labels)
        }
        let ran = Set(run.cases.filter { $0.verdict != .skip && $0.verdict != .error }.map(\.id))
        let stale = active.filter { ran.contains($0.caseID) && !used.contains($0.label) }.map {
            "\($0.label): the deviation no longer happens; remove the waiver (\($0.reason))"
        }
        result.summary = RunResult.Summary(result.cases)
        result.recountMediaTypes()
        result.staleWaivers = stale
        result.expiredWaivers = expired
        return result
    }

    package static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
