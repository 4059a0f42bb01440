import ConformanceReport
import Foundation
import Testing

extension CommandLineSuite {
    /// Mistakes only the server can reveal get one line naming the profile field, exit 2, from `doctor` and from
    /// `run` before its first case (issue 26).
    @Suite(.timeLimit(.minutes(5)), .serialized)
    struct PreflightTests {
        /// A profile of the served reference server with one line changed.
        private func variant(of profile: String, _ change: (inout [String]) -> Void) -> String {
            var lines = profile.components(separatedBy: "\n")
            change(&lines)
            return lines.joined(separator: "\n")
        }

        /// Exit 2 and exactly one `error:` line, naming `field`.
        private func expectOneLine(naming field: String, _ outcome: Executable.Outcome, _ name: String) {
            #expect(outcome.code == 2, "\(name): \(outcome.output)")
            let errors = outcome.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("error: ") }
            #expect(errors.count == 1, "\(name): \(outcome.output)")
            #expect(errors.first?.hasPrefix("error: \(field): ") == true, "\(name): \(outcome.output)")
        }

        @Test func eachBadProfileGetsOneLineNamingItsField() throws {
            try ServedReference.withServer { directory in
                let profile = try String(contentsOf: directory.appendingPathComponent("lab.yaml"), encoding: .utf8)
                let base = try #require(profile.firstMatch(of: #/baseURL: (http://127\.0\.0\.1:\d+)/api/v2/#)?.output.1)
                let good = try Executable.conformance(["doctor", "--target", "lab.yaml"], in: directory)
                #expect(good.code == 0, "\(good.output)")
                #expect(good.stdout.hasPrefix("ok: "))

                let variants: [(name: String, profile: String, field: String)] = [
                    (
                        "password",
                        variant(of: profile) { lines in
                            let index = lines.firstIndex { $0.contains("username: agent2") }!
                            lines[index] = "  - {id: agent-2, username: agent2, password: wrong}"
                        }, "agents[1].password"
                    ),
                    (
                        "fixtures",
                        profile.replacingOccurrences(of: "\(base)/fixtures", with: "\(base)/fixturez"), "fixtures.url"
                    ),
                    (
                        "notifications",
                        profile.replacingOccurrences(
                            of: "\(base)/api/v2/notifications", with: "\(base)/api/v2/notificationz"),
                        "notifications"
                    ),
                    (
                        "routing",
                        profile.replacingOccurrences(
                            of: "{id: agent-1, username: agent1", with: "{id: X, username: agent1"
                        )
                        .replacingOccurrences(
                            of: "{id: agent-2, username: agent2", with: "{id: agent-1, username: agent2"
                        )
                        .replacingOccurrences(of: "{id: X, username: agent1", with: "{id: agent-2, username: agent1"),
                        "agents[0].id"
                    ),
                ]
                for variant in variants {
                    let file = "\(variant.name).yaml"
                    try variant.profile.write(
                        to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
                    let doctor = try Executable.conformance(["doctor", "--target", file], in: directory)
                    expectOneLine(naming: variant.field, doctor, variant.name)
                    let run = try Executable.conformance(
                        ["run", "--target", file, "--report", "junit:\(variant.name).xml"], in: directory)
                    expectOneLine(naming: variant.field, run, variant.name)
                    // Stopped before the first case: no progress line, and CI still gets a JUnit file saying why.
                    #expect(!run.stdout.contains("PASS"), "\(variant.name): \(run.output)")
                    let junit = try String(
                        contentsOf: directory.appendingPathComponent("\(variant.name).xml"), encoding: .utf8)
                    #expect(junit.contains("the preflight found a problem"), "\(variant.name)")
                }

                // --no-preflight runs the cases as before: the wrong password makes cases ERROR, not exit 2.
                let unchecked = try Executable.conformance(
                    ["run", "--target", "password.yaml", "--no-preflight", "--filter", "endconference-two-agents"],
                    in: directory)
                #expect(unchecked.code == 1, "\(unchecked.output)")
                #expect(unchecked.stdout.contains("ERROR endconference-two-agents"), "\(unchecked.output)")
            }
        }
    }
}
