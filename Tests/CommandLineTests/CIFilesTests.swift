import ConformanceKit
import ConformanceReport
import Foundation
import Testing
import Yams

extension CommandLineSuite {
    /// The CI files of docs/ci run as written: their shell steps, in order, against the bundled reference server
    /// (`conformance serve`), with only the build step left out (the test uses the binary it was built with).
    @Suite(.timeLimit(.minutes(15)), .serialized)
    struct CIFilesTests {
        /// The built binary stands for `.build/release/conformance`, which the skipped build step would make.
        private static let releaseBinary = ".build/release/conformance"

        /// A workspace as CI has it: the profile, an empty baseline, and `.build/release/conformance`.
        private func workspace() throws -> (URL, ChildProcess) {
            let directory = try Executable.scratch()
            let server = try ServedReference.start(in: directory)
            try "waivers: []\n".write(
                to: directory.appendingPathComponent("known.yaml"), atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(".build/release"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: directory.appendingPathComponent(Self.releaseBinary), withDestinationURL: Executable.conformance)
            return (directory, server)
        }

        private func isBuild(_ script: String) -> Bool { script.hasPrefix("swift build") }

        @Test func githubActionsWorkflowRunsAsWritten() throws {
            let text = try String(
                contentsOf: Executable.repositoryRoot.appendingPathComponent("docs/ci/github-actions.yml"),
                encoding: .utf8)
            let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
            let env = try #require(workflow["env"] as? [String: Any]).mapValues { "\($0)" }
            let jobs = try #require(workflow["jobs"] as? [String: Any])
            let shardJob = try #require(jobs["shard"] as? [String: Any])
            let gateJob = try #require(jobs["gate"] as? [String: Any])
            let matrix = try #require(
                ((shardJob["strategy"] as? [String: Any])?["matrix"] as? [String: Any])?["shard"] as? [Int])
            #expect(matrix.count == Int(env["SHARDS"] ?? ""))
            func steps(_ job: [String: Any]) -> [String] {
                ((job["steps"] as? [[String: Any]]) ?? []).compactMap { $0["run"] as? String }.filter { !isBuild($0) }
            }
            let (directory, server) = try workspace()
            defer {
                server.stop()
                try? FileManager.default.removeItem(at: directory)
            }
            let summary = directory.appendingPathComponent("step-summary.md")
            var environment = env
            environment["GITHUB_STEP_SUMMARY"] = summary.path
            for shard in matrix {
                for script in steps(shardJob) {
                    let ran = try Executable.bash(
                        script.replacingOccurrences(of: "${{ matrix.shard }}", with: "\(shard)"), in: directory,
                        environment: environment)
                    #expect(ran.code == 0, "shard \(shard): \(ran.output)")
                }
            }
            // The gate, first with no release to compare to, then with this run as the last release.
            let gate = steps(gateJob)
            #expect(gate.count == 2)
            for script in gate {
                let ran = try Executable.bash(script, in: directory, environment: environment)
                #expect(ran.code == 0, "\(ran.output)")
            }
            let merged = try JSONDecoder().decode(
                RunResult.self, from: Data(contentsOf: directory.appendingPathComponent("reports/run.json")))
            #expect(merged.complete)
            #expect(merged.summary.fail == 0 && merged.summary.error == 0)
            #expect(merged.summary.total > 90)
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("reports/run.xml").path))
            #expect(try String(contentsOf: summary, encoding: .utf8).contains("\(merged.summary.pass) PASS"))
            try FileManager.default.copyItem(
                at: directory.appendingPathComponent("reports/run.json"),
                to: directory.appendingPathComponent("last-release/run.json"))
            let compared = try Executable.bash(gate[1], in: directory, environment: environment)
            #expect(compared.code == 0, "\(compared.output)")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("reports/diff.md").path))
            #expect(try String(contentsOf: summary, encoding: .utf8).contains("No difference"))

            // A lost shard fails the gate with exit 2, naming it.
            try FileManager.default.removeItem(at: directory.appendingPathComponent("reports/shard-2.json"))
            let lost = try Executable.bash(gate[1], in: directory, environment: environment)
            #expect(lost.code == 2)
            #expect(lost.stderr.contains("the merge lacks shard 2/3"), "\(lost.output)")
        }

        @Test func gitlabPipelineRunsAsWritten() throws {
            let text = try String(
                contentsOf: Executable.repositoryRoot.appendingPathComponent("docs/ci/gitlab-ci.yml"), encoding: .utf8)
            let pipeline = try #require(try Yams.load(yaml: text) as? [String: Any])
            let variables = try #require(pipeline["variables"] as? [String: Any]).mapValues { "\($0)" }
            let shardJob = try #require(pipeline["shard"] as? [String: Any])
            let gateJob = try #require(pipeline["gate"] as? [String: Any])
            let parallel = try #require(shardJob["parallel"] as? Int)
            func script(_ job: [String: Any]) -> String {
                ((job["script"] as? [String]) ?? []).filter { !isBuild($0) }.joined(separator: "\n")
            }
            let (directory, server) = try workspace()
            defer {
                server.stop()
                try? FileManager.default.removeItem(at: directory)
            }
            for index in 1...parallel {
                var environment = variables
                environment["CI_NODE_INDEX"] = "\(index)"
                environment["CI_NODE_TOTAL"] = "\(parallel)"
                let ran = try Executable.bash(script(shardJob), in: directory, environment: environment)
                #expect(ran.code == 0, "shard \(index): \(ran.output)")
            }
            let gate = try Executable.bash(script(gateJob), in: directory, environment: variables)
            #expect(gate.code == 0, "\(gate.output)")
            let merged = try JSONDecoder().decode(
                RunResult.self, from: Data(contentsOf: directory.appendingPathComponent("reports/run.json")))
            #expect(merged.complete && merged.summary.fail == 0 && merged.summary.error == 0)
            #expect(merged.summary.total > 90)
        }
    }
}

struct CIFileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
