import ArgumentParser
import ConformanceKit
import Foundation

/// `conformance report`: renders a saved JSON run report in another format, without running anything again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a saved JSON run report as JUnit XML, HTML or Markdown.",
        discussion: """
            Reads a report written by `conformance run --report json:PATH` and renders it again: junit (one \
            testsuite per operation, for CI dashboards; WARN counts as passing, as in the exit code without \
            --strict), html (one self-contained page), markdown (a pull-request comment under 60 KB) or json \
            (the same report, re-encoded). A file that is missing, unreadable or not a run report exits 2.

            Examples:
              conformance report --from out/run.json --format html --output out/run.html
              conformance report --from out/run.json --format junit --output out/junit.xml
              conformance report --from out/run.json --format markdown > comment.md
            """
    )

    /// The formats a saved run can be rendered in.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, junit, html, markdown
    }

    @Option(
        name: .long,
        help: ArgumentHelp("A JSON report written by `conformance run --report json:PATH`.", valueName: "path"))
    var from: String

    @Option(name: .long, help: "The format to render.")
    var format: Format

    @Option(name: .long, help: ArgumentHelp("Where to write the report (default: standard output).", valueName: "path"))
    var output: String?

    func run() throws {
        let run = try Self.load(from)
        let data: Data
        switch format {
        case .json:
            do {
                data = try ReportWriter.render(run, as: .json)
            } catch {
                throw CommandFailure("\(from): cannot encode the report again: \(error)", code: ExitStatus.usage)
            }
        case .junit: data = Data(JUnitReport.render(run).utf8)
        case .html: data = Data(HTMLReport.render(run).utf8)
        case .markdown: data = Data(MarkdownReport.render(run).utf8)
        }
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            let url = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(
                "\(output): cannot write the report: \(error.localizedDescription)", code: ExitStatus.usage)
        }
    }

    /// The run in `path`; exits 2 with `error: PATH: WHY` when it is missing, unreadable or not a run report.
    private static func load(_ path: String) throws(CommandFailure) -> RunResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file", code: ExitStatus.usage)
        }
        if isDirectory.boolValue {
            throw CommandFailure("\(path): is a directory, not a JSON report", code: ExitStatus.usage)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandFailure("\(path): cannot be read: permission denied", code: ExitStatus.usage)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("\(path): cannot be read: \(error.localizedDescription)", code: ExitStatus.usage)
        }
        do {
            return try JSONDecoder().decode(RunResult.self, from: data)
        } catch let error as DecodingError {
            throw CommandFailure("\(path): \(describe(error, in: data))", code: ExitStatus.usage)
        } catch {
            throw CommandFailure("\(path): not a run report: \(error)", code: ExitStatus.usage)
        }
    }

    /// A decoding failure as the place in the file and what is wrong there.
    private static func describe(_ error: DecodingError, in data: Data) -> String {
        func place(_ path: [any CodingKey]) -> String {
            guard !path.isEmpty else { return "the top level" }
            return path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // JSONDecoder on Linux says only "not valid JSON"; JSONSerialization says where.
            var detail: String?
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            }
            return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
        case .dataCorrupted(let context):
            return "not a run report: \(place(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(place(context.codingPath))"
            return "not a run report: \"\(key.stringValue)\" is missing\(parent)"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "not a run report: \(place(context.codingPath)) should be \(readable(type))"
        @unknown default:
            return "not a run report: \(error)"
        }
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            if "\(type)".hasPrefix("Dictionary") {
                "a JSON object"
            } else if "\(type)".hasPrefix("Array") {
                "a JSON array"
            } else {
                "a \(type)"
            }
        }
    }
}
