import ConformanceReport
import Foundation
import Testing

/// A saved run report is read back as it was written, and one that cannot be read says which file and where.
@Suite struct SavedRunTests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("saved-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func problem(_ path: String) -> String? {
        do {
            _ = try SavedRun.load(path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aWrittenRunReadsBackTheSame() throws {
        let run = RunResult(
            target: .init(name: "lab", baseURL: "http://lab/api/v2"), cases: [], startedAt: .now, durationMs: 7)
        let path = try Self.write(String(decoding: try JSONEncoder().encode(run), as: UTF8.self))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try SavedRun.load(path)
        #expect(read.target.name == "lab")
        #expect(read.durationMs == 7)
    }

    @Test func aMissingFileOrADirectoryIsNamed() throws {
        #expect(Self.problem("/no/such/run.json") == "/no/such/run.json: no such file")
        let directory = FileManager.default.temporaryDirectory.path
        #expect(Self.problem(directory) == "\(directory): is a directory, not a JSON report")
    }

    @Test func aFileThatIsNotARunSaysWhereItGoesWrong() throws {
        let broken = try Self.write("{\"target\": ")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        #expect(Self.problem(broken)?.hasPrefix("\(broken): not valid JSON") == true)
        let other = try Self.write("{\"hello\": 1}")
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(Self.problem(other)?.hasPrefix("\(other): not a run report: \"") == true)
        #expect(Self.problem(other)?.hasSuffix("\" is missing") == true)
    }
}
