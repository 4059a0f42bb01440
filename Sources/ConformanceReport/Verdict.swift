/// The judgement of one case (docs/verdicts.md).
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every MUST and SHOULD held.
    case pass = "PASS"
    /// A MUST broke.
    case fail = "FAIL"
    /// Only a SHOULD broke.
    case warn = "WARN"
    /// Passes, with an observation (which reading of an erratum the target follows).
    case note = "NOTE"
    /// Not applicable to this target.
    case skip = "SKIP"
    /// The case could not be judged.
    case error = "ERROR"
    /// Every MUST or SHOULD deviation is waived by the baseline (`--baseline`); it does not fail the run.
    case waived = "WAIVED"
}
