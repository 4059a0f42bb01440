import ConformanceReport
import Foundation
import Testing

extension CommandLineSuite {
    /// The texts and exit codes of issue 27, as a CI log shows them: reports refused up front or always written,
    /// one message however an option is spelled, help that matches the exit codes.
    @Suite(.timeLimit(.minutes(5)))
    struct ReportsAndMessagesTests {
        @Test func aReportThatCannotBeWrittenIsRefusedBeforeTheFirstRequest() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            FileManager.default.createFile(atPath: directory.appendingPathComponent("ro").path, contents: Data())
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("reports"), withIntermediateDirectories: true)
            let cases: [([String], String)] = [
                (["--report", "json:ro/x.json"], "is a file, so no directory can be made there"),
                (["--report", "json:reports"], "reports"),
                (["--report", "json:a.json", "--report", "junit:a.json"], "the path is already given"),
            ]
            for (arguments, message) in cases {
                let run = try Executable.conformance(["run", "--filter", "accept-twice"] + arguments, in: directory)
                #expect(run.code == 2, "\(arguments): \(run.output)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.output)")
                // Refused before the first case: no verdict was printed.
                #expect(!run.stdout.contains("PASS"), "\(arguments): \(run.output)")
            }
        }

        @Test func anUnreachableTargetStillLeavesAJUnitFile() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Executable.writeUnreachableProfile(in: directory)
            let run = try Executable.conformance(
                ["run", "--target", "down.yaml", "--filter", "accept-*", "--report", "junit:junit.xml"], in: directory)
            #expect(run.code == 3, "\(run.output)")
            let junit = try String(contentsOf: directory.appendingPathComponent("junit.xml"), encoding: .utf8)
            #expect(junit.contains("<testsuite"))
            #expect(junit.contains("cannot be reached"))
        }

        @Test func oneMessageOneCountOnePlainLinePerCase() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let joined = try Executable.conformance(["run", "--timeout=-1s"], in: directory)
            let apart = try Executable.conformance(["run", "--timeout", "-1s"], in: directory)
            #expect(joined.code == 2 && apart.code == 2)
            #expect(joined.stderr.contains("--timeout '-1s' is not a duration like 5s or 500ms"), "\(joined.output)")
            #expect(joined.stderr == apart.stderr)

            let one = try Executable.conformance(["run", "--filter", "accept-twice"], in: directory)
            #expect(one.code == 0, "\(one.output)")
            #expect(one.stdout.contains("1 case (") || one.stdout.contains("1 case:"), "\(one.output)")
            #expect(!one.stdout.contains("1 cases"))
            // Standard output is a file here, as in CI: progress is whole lines, never rewritten with \r.
            #expect(!one.output.contains("\r"))
        }

        @Test func helpTextsGiveTheExitCodesTheToolUses() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let top = try Executable.conformance(["--help"], in: directory)
            #expect(top.stdout.contains("130 interrupted"), "\(top.output)")
            let lintHelp = try Executable.conformance(["lint", "--help"], in: directory)
            #expect(lintHelp.stdout.contains("Exit 2 when the catalog cannot be loaded"), "\(lintHelp.output)")
            #expect(lintHelp.stdout.contains("unknown requirement id"), "\(lintHelp.output)")

            // A catalog with an unknown requirement id: lint exits 2, as its help says.
            let catalog = directory.appendingPathComponent("catalog")
            try FileManager.default.createDirectory(at: catalog, withIntermediateDirectories: true)
            for folder in ["specs", "golden"] {
                try FileManager.default.copyItem(
                    at: Executable.repositoryRoot.appendingPathComponent(folder),
                    to: catalog.appendingPathComponent(folder))
            }
            let accept = catalog.appendingPathComponent("specs/operations/Accept.yaml")
            let text = try String(contentsOf: accept, encoding: .utf8)
            try text.replacingOccurrences(of: "ACCEPT-AFTER-INVITATION", with: "ACCEPT-AFTER-INVITATON")
                .write(to: accept, atomically: true, encoding: .utf8)
            let lint = try Executable.conformance(["lint", "--catalog", catalog.path], in: directory)
            #expect(lint.code == 2, "\(lint.output)")
            #expect(lint.output.contains("ACCEPT-AFTER-INVITATON"), "\(lint.output)")
        }
    }
}
