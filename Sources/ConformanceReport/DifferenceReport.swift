import Foundation

/// Writes the difference between two runs in the formats `--report FORMAT:PATH` names (`conformance diff`, and
/// `conformance run --compare-to ... --diff-report FORMAT:PATH`).
public enum DifferenceReport {
    /// Formats of a difference: the console has its own rendering.
    public enum Format: String, Sendable, CaseIterable {
        case json, markdown, html
    }

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

    public static func render(_ difference: RunDifference, as format: Format) throws -> Data {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(difference) + Data("\n".utf8)
        case .markdown: return Data(DifferenceMarkdown.render(difference).utf8)
        case .html: return Data(DifferenceHTML.render(difference).utf8)
        }
    }

    /// Writes `difference` to every destination; returns the problems (a report that could not be written).
    public static func write(_ difference: RunDifference, to destinations: [Destination]) -> [String] {
        var problems: [String] = []
        for destination in destinations {
            do {
                try ReportWriter.save(render(difference, as: destination.format), to: destination.path)
            } catch {
                problems.append(
                    "cannot write the \(destination.format.rawValue) difference to \(destination.path): "
                        + error.localizedDescription)
            }
        }
        return problems
    }
}
