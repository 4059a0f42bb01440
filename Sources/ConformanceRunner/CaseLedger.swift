import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceReport

/// Everything one case found, in the order it found it, and the `CaseResult` made of it. The runner's I/O
/// driver (`CaseExecution`) writes to it; the ledger decides nothing about the target.
struct CaseLedger {
    let testCase: ConformanceCase
    private(set) var deviations: [Deviation] = []
    private(set) var notes: [String] = []
    var info: [String] = []
    var transcript: [String] = []
    /// Why the case could not be judged (ERROR).
    var error: String?
    /// Why the case does not apply to this target (SKIP).
    var skipReason: String?
    /// The curl line of the last request sent.
    var curl: String?
    /// The curl line of the first request that deviated.
    var deviationCurl: String?
    /// The reading alternatives the target was seen to follow.
    var observations: Set<Observation> = []
    /// The shapes of the answers and notifications the case received (the report's `shapes`).
    var shapes = ShapeLog()

    init(_ testCase: ConformanceCase) {
        self.testCase = testCase
    }

    /// Whether a MUST already broke: the case FAILs whatever comes next.
    var failsAMust: Bool { deviations.contains { $0.level == .must } }

    /// Adds a step's deviations, marking those that may only follow from an earlier step's.
    mutating func record(_ found: [Deviation]) {
        guard !found.isEmpty else { return }
        var found = found
        if deviations.contains(where: { $0.level != .info }) {
            for index in found.indices { found[index].followsEarlier = true }
        }
        deviations += found
        if deviationCurl == nil { deviationCurl = found.first?.curl }
    }

    /// Adds a note once.
    mutating func note(_ note: String) {
        if !notes.contains(note) { notes.append(note) }
    }

    /// Records what a step's checks made of its answer. A step whose MUST checks broke shows no reading: a 200
    /// that did not refuse is no "refusal with 200".
    mutating func take(_ judgement: Judgement) {
        record(judgement.deviations + judgement.warnings)
        for note in judgement.notes { self.note(note) }
        info += judgement.info
        if !judgement.deviations.contains(where: { $0.level == .must }) {
            observations.formUnion(judgement.observations)
        }
    }

    /// A check that could not be judged: ERROR, unless the case already FAILs (then the reason is kept as INFO).
    mutating func unjudged(_ reason: String) {
        if failsAMust { info.append(reason) } else { error = reason }
    }

    /// The case's result, its verdict from what was recorded.
    func result(durationMs: Int) -> CaseResult {
        let verdict: Verdict =
            skipReason != nil ? .skip : CaseResult.verdict(deviations: deviations, notes: notes, error: error)
        var result = CaseResult(
            id: testCase.id,
            operation: testCase.operation,
            title: testCase.title,
            requirements: testCase.requirements,
            verdict: verdict,
            durationMs: durationMs,
            deviations: deviations,
            notes: notes,
            info: info,
            error: error ?? skipReason,
            curl: deviationCurl ?? curl,
            transcript: transcript,
            readings: observations.isEmpty
                ? nil
                : Dictionary(grouping: observations, by: \.reading).mapValues { $0.map(\.alternative).sorted() }
        )
        result.caseDigest = testCase.digest
        return result
    }

    /// The result of a case that could not start, e.g. because the fixture reset failed.
    static func errored(_ testCase: ConformanceCase, reason: String) -> CaseResult {
        var ledger = CaseLedger(testCase)
        ledger.error = reason
        return ledger.result(durationMs: 0)
    }
}
