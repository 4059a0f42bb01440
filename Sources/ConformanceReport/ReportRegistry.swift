import Foundation

/// The formats one kind of report can be written in, each with its renderer, and the `--report FORMAT:PATH`
/// destinations that name them.
public struct ReportRegistry<Format, Subject: Sendable>: Sendable
where Format: RawRepresentable & CaseIterable & Hashable & Sendable, Format.RawValue == String {
    /// A report to write: its format and where.
    public struct Destination: Sendable, Hashable {
        public var format: Format
        public var path: String

        /// Parses `FORMAT:PATH`.
        public init?(argument: String) {
            let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let format = Format(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
            self.format = format
            self.path = parts[1]
        }
    }

    let renderers: [Format: any ReportRenderer<Subject>]
    /// What the report is called in messages: "report", "difference".
    let noun: String

    /// Every format must have its renderer.
    public init(noun: String, _ renderers: [Format: any ReportRenderer<Subject>]) {
        precondition(Format.allCases.allSatisfy { renderers[$0] != nil }, "a format without a renderer")
        self.noun = noun
        self.renderers = renderers
    }

    /// The formats, as `--report` spells them.
    public var formatNames: String { Format.allCases.map(\.rawValue).joined(separator: ", ") }

    public func render(_ subject: Subject, as format: Format) throws -> Data {
        try renderers[format]!.render(subject)
    }

    /// Writes `subject` to every destination; returns the problems (a report that could not be written).
    public func write(_ subject: Subject, to destinations: [Destination]) -> [String] {
        var problems: [String] = []
        for destination in destinations {
            do {
                try Self.save(render(subject, as: destination.format), to: destination.path)
            } catch {
                problems.append(
                    "cannot write the \(destination.format.rawValue) \(noun) to \(destination.path): "
                        + error.localizedDescription)
            }
        }
        return problems
    }

    /// Writes `data` to `path` at once, creating the directories on the way.
    public static func save(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
