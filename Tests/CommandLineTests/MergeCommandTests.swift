import ConformanceReport
import Foundation
import Testing

extension CommandLineSuite {
    /// `conformance merge` proves that its reports are the shards of one run (issue 27).
    @Suite(.timeLimit(.minutes(10)))
    struct MergeCommandTests {
        private func report(_ url: URL) throws -> RunResult {
            try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: url))
        }

        @Test func mergeRefusesWhatIsNotOneRun() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            for shard in 1...2 {
                let ran = try Executable.conformance(
                    ["run", "--filter", "accept-*", "--shard", "\(shard)/2", "--report", "json:s\(shard).json"],
                    in: directory)
                #expect(ran.code == 0, "\(ran.output)")
            }
            let first = try report(directory.appendingPathComponent("s1.json"))
            #expect(first.selection?.shard == RunSelection.Shard(index: 1, count: 2))
            #expect(first.selection?.filters == ["accept-*"])

            let whole = try Executable.conformance(
                ["merge", "s1.json", "s2.json", "--report", "json:all.json"], in: directory)
            #expect(whole.code == 0, "\(whole.output)")
            let merged = try report(directory.appendingPathComponent("all.json"))
            #expect(merged.complete)
            #expect(merged.selection?.shard == nil)
            #expect(
                merged.cases.count == first.cases.count
                    + (try report(directory.appendingPathComponent("s2.json"))).cases.count)

            // One shard of two: refused, or with --allow-partial merged as incomplete naming what it lacks.
            let half = try Executable.conformance(["merge", "s1.json", "--report", "json:half.json"], in: directory)
            #expect(half.code == 2)
            #expect(half.stderr.contains("the merge lacks shard 2/2"), "\(half.output)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("half.json").path))
            let partial = try Executable.conformance(
                ["merge", "s1.json", "--allow-partial", "--report", "json:half.json"], in: directory)
            #expect(partial.code == 1, "\(partial.output)")
            let lacking = try report(directory.appendingPathComponent("half.json"))
            #expect(!lacking.complete)
            #expect(lacking.selection?.missing == ["shard 2/2"])
            #expect(partial.stdout.contains("The merged report is partial: it lacks shard 2/2"), "\(partial.output)")

            // The same shard twice.
            let twice = try Executable.conformance(["merge", "s1.json", "s1.json", "s2.json"], in: directory)
            #expect(twice.code == 2)
            #expect(twice.stderr.contains("are both shard 1/2"), "\(twice.output)")

            // Another target, another catalog.
            var other = try report(directory.appendingPathComponent("s2.json"))
            other.target.baseURL = "https://elsewhere.example/api/v2"
            try JSONEncoder().encode(other).write(to: directory.appendingPathComponent("elsewhere.json"))
            let targets = try Executable.conformance(["merge", "s1.json", "elsewhere.json"], in: directory)
            #expect(targets.code == 2)
            #expect(targets.stderr.contains("shards of different targets"), "\(targets.output)")
            other = try report(directory.appendingPathComponent("s2.json"))
            other.suite.catalogDigest = String(repeating: "0", count: 64)
            try JSONEncoder().encode(other).write(to: directory.appendingPathComponent("catalog.json"))
            let catalogs = try Executable.conformance(["merge", "s1.json", "catalog.json"], in: directory)
            #expect(catalogs.code == 2)
            #expect(catalogs.stderr.contains("shards of different catalogs"), "\(catalogs.output)")

            // A shard of another selection overlaps and differs.
            let reject = try Executable.conformance(
                ["run", "--filter", "accept-*", "--filter", "reject-*", "--shard", "2/2", "--report", "json:r2.json"],
                in: directory)
            #expect(reject.code == 0, "\(reject.output)")
            let selections = try Executable.conformance(["merge", "s1.json", "r2.json"], in: directory)
            #expect(selections.code == 2)
            #expect(selections.stderr.contains("shards of different selections"), "\(selections.output)")
        }
    }
}
