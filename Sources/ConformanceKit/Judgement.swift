import ConformanceJSON
import ConformanceReport

/// What the checks of one step made of one answer: pure data, built by `Judge`, recorded by `CaseLedger`.
package struct Judgement: Sendable {
    package var deviations: [Deviation] = []
    /// SHOULD deviations of how an answer was given (a refusal answered 200) that do not decide whether the checks
    /// hold: a step alternative that holds with one still holds, and the WARN is recorded.
    package var warnings: [Deviation] = []
    package var notes: [String] = []
    package var info: [String] = []
    package var captures: [String: JSONValue] = [:]
    /// The reading alternatives the answer shows the target follows.
    package var observations: [Observation] = []

    package init() {}

    /// Whether anything but INFO broke.
    package var deviates: Bool { deviations.contains { $0.level != .info } }
}
