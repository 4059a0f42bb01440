import Foundation
import Testing

extension CommandLineSuite {
    /// `conformance init` writes a profile the suite reads and checks it with doctor (issue 26).
    @Suite(.timeLimit(.minutes(3)))
    struct InitCommandTests {
        @Test func initWritesAProfileThatDoctorPasses() throws {
            try ServedReference.withServer { directory in
                let served = try String(contentsOf: directory.appendingPathComponent("lab.yaml"), encoding: .utf8)
                let base = try #require(served.firstMatch(of: #/baseURL: (\S+)/#)?.output.1)
                let fixtures = try #require(served.firstMatch(of: #/fixtures: \{kind: http, url: (\S+)\}/#)?.output.1)
                let accounts = served.matches(of: #/\{id: ([^,]+), username: ([^,]+), password: "([^"]+)"\}/#).map {
                    "\($0.output.1):\($0.output.2):\($0.output.3)"
                }
                #expect(accounts.count == 4)

                // Without a terminal, what is missing is named, and nothing is written.
                let missing = try Executable.conformance(["init", "--output", "mine.yaml"], in: directory)
                #expect(missing.code == 2)
                #expect(
                    missing.stderr.contains("missing --base-url, --agent (3 more; at least 3), --fixtures-url"),
                    "\(missing.output)")
                #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mine.yaml").path))

                // The third agent's password comes from the environment: the file names the variable, not the secret.
                let third = accounts[2].split(separator: ":").dropLast().joined(separator: ":") + ":$AGENT3_SECRET"
                let secret = String(accounts[2].split(separator: ":").last!)
                let written = try Executable.conformance(
                    [
                        "init", "--output", "mine.yaml", "--base-url", String(base), "--fixtures-url", String(fixtures),
                        "--agent", accounts[0], "--agent", accounts[1], "--agent", third, "--admin", accounts[3],
                        "--queue", "queue-a", "--workbin", "workbin-a",
                    ], in: directory, environment: ["AGENT3_SECRET": secret])
                #expect(written.code == 0, "\(written.output)")
                #expect(written.stdout.contains("ok: "), "\(written.output)")
                let profile = try String(contentsOf: directory.appendingPathComponent("mine.yaml"), encoding: .utf8)
                #expect(profile.contains("${env:AGENT3_SECRET}"))
                #expect(!profile.contains(secret))
                #expect(profile.hasPrefix("# yaml-language-server: $schema=profile.schema.json"))
                // The schema that line names is written beside it, from the one built into the binary.
                let schema = try String(
                    contentsOf: directory.appendingPathComponent("profile.schema.json"), encoding: .utf8)
                #expect(schema.contains("\"agents\""))

                // It is not replaced without --force.
                let again = try Executable.conformance(
                    ["init", "--output", "mine.yaml", "--no-doctor"], in: directory)
                #expect(again.code == 2)
                #expect(again.stderr.contains("mine.yaml exists; give --force"), "\(again.output)")
            }
        }
    }
}
