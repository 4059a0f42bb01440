import ConformanceJSON
import ConformanceReport

/// What the checks of one step made of one answer: pure data, built by `Judge`, recorded by `CaseLedger`.
struct Judgement: Sendable {
    var deviations: [Deviation] = []
    var notes: [String] = []
    var info: [String] = []
    var captures: [String: JSONValue] = [:]
    /// The reading alternatives the answer shows the target follows.
    var observations: [Observation] = []

    /// Whether anything but INFO broke.
    var deviates: Bool { deviations.contains { $0.level != .info } }
}
