import Foundation

/// Writes the difference between two runs in the formats `--report FORMAT:PATH` names (`conformance diff`, and
/// `conformance run --compare-to ... --diff-report FORMAT:PATH`).
public enum DifferenceReport {
    /// Formats of a difference: the console has its own rendering.
    public enum Format: String, Sendable, CaseIterable {
        case json, markdown, html
    }

    /// A report to write: its format and where.
    public typealias Destination = ReportRegistry<Format, RunDifference>.Destination

    /// Every format of a difference and its renderer.
    public static let registry = ReportRegistry<Format, RunDifference>(
        noun: "difference",
        [
            .json: JSONRenderer<RunDifference>(),
            .markdown: TextRenderer(DifferenceMarkdown.render),
            .html: TextRenderer(DifferenceHTML.render),
        ])

    public static func render(_ difference: RunDifference, as format: Format) throws -> Data {
        try registry.render(difference, as: format)
    }

    /// Writes `difference` to every destination; returns the problems (a report that could not be written).
    public static func write(_ difference: RunDifference, to destinations: [Destination]) -> [String] {
        registry.write(difference, to: destinations)
    }
}
