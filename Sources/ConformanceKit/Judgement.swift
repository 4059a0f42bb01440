import ConformanceJSON
import ConformanceReport

/// What the checks of one step made of one answer: pure data, built by `Judge`, recorded by `CaseLedger`.
struct Judgement: Sendable {
    var deviations: [Deviation] = []
    /// SHOULD deviations of how an answer was given (a refusal answered 200) that do not decide whether the checks
    /// hold: a step alternative that holds with one still holds, and the WARN is recorded.
    var warnings: [Deviation] = []
    var notes: [String] = []
    var info: [String] = []
    var captures: [String: JSONValue] = [:]
    /// The reading alternatives the answer shows the target follows.
    var observations: [Observation] = []

    /// Whether anything but INFO broke.
    var deviates: Bool { deviations.contains { $0.level != .info } }
}
