import Foundation

/// Why a saved run report cannot be read, in words that name the file and where in it.
public struct SavedRunError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Reading a saved JSON run report, for every command that works on one (`report`, `baseline`, `merge`,
/// `diff`, `run --compare-to`): a problem names the file, and where in it.
public enum SavedRun {
    /// The run in `path`; fails with `PATH: WHY` when it is missing, unreadable or not a run report.
    public static func load(_ path: String) throws(SavedRunError) -> RunResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SavedRunError("\(path): no such file")
        }
        if isDirectory.boolValue {
            throw SavedRunError("\(path): is a directory, not a JSON report")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SavedRunError("\(path): cannot be read: permission denied")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SavedRunError("\(path): cannot be read: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(RunResult.self, from: data)
        } catch let error as DecodingError {
            throw SavedRunError("\(path): \(describe(error, in: data))")
        } catch {
            throw SavedRunError("\(path): not a run report: \(error)")
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
