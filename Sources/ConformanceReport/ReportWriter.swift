import Foundation

/// Writes run reports in the formats `--report FORMAT:PATH` names.
public enum ReportWriter {
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

    /// Report formats.
    public enum Format: String, Sendable, CaseIterable {
        case json, junit, html, markdown
    }

    /// Writes `run` to every destination; returns the problems (a report that could not be written).
    public static func write(_ run: RunResult, to destinations: [Destination]) -> [String] {
        var problems: [String] = []
        for destination in destinations {
            do {
                try save(render(run, as: destination.format), to: destination.path)
            } catch {
                problems.append(
                    "cannot write the \(destination.format.rawValue) report to \(destination.path): \(error.localizedDescription)"
                )
            }
        }
        return problems
    }

    /// Writes `data` to `path` at once, creating the directories on the way.
    package static func save(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    public static func render(_ run: RunResult, as format: Format) throws -> Data {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(run) + Data("\n".utf8)
        case .junit: return Data(JUnitReport.render(run).utf8)
        case .html: return Data(HTMLReport.render(run).utf8)
        case .markdown: return Data(MarkdownReport.render(run).utf8)
        }
    }
}
