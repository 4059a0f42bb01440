import Foundation

/// Writes run reports in the formats `--report FORMAT:PATH` names.
public enum ReportWriter {
    /// Report formats.
    public enum Format: String, Sendable, CaseIterable {
        case json, junit, html, markdown
    }

    /// A report to write: its format and where.
    public typealias Destination = ReportRegistry<Format, RunResult>.Destination

    /// Every format of a run report and its renderer.
    public static let registry = ReportRegistry<Format, RunResult>(
        noun: "report",
        [
            .json: JSONRenderer<RunResult>(),
            .junit: TextRenderer(JUnitReport.render),
            .html: TextRenderer(HTMLReport.render),
            .markdown: TextRenderer(MarkdownReport.render),
        ])

    /// Writes `run` to every destination; returns the problems (a report that could not be written).
    public static func write(_ run: RunResult, to destinations: [Destination]) -> [String] {
        registry.write(run, to: destinations)
    }

    /// What would keep the reports from being written (see `ReportRegistry.problems(in:)`).
    public static func problems(in destinations: [Destination]) -> [String] {
        ReportRegistry<Format, RunResult>.problems(in: destinations)
    }

    public static func render(_ run: RunResult, as format: Format) throws -> Data {
        try registry.render(run, as: format)
    }
}
