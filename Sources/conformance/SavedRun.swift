import ConformanceKit
import ConformanceReport
import Foundation

/// Reading a saved JSON run report, for every command that works on one (`report`, `baseline`, `merge`,
/// `diff`, `run --compare-to`): a problem names the file, and where in it, and exits 2.
enum SavedRun {
    /// The run in `path`; fails with exit 2 with `error: PATH: WHY` when it is missing, unreadable or not a run report.
    static func load(_ path: String) throws(CommandFailure) -> RunResult {
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
