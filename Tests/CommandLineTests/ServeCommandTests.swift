import Foundation
import Testing

extension CommandLineSuite {
    /// `serve` as scripts use it (issue 26): its profile comes at once on a redirected stdout, a taken port is named,
    /// and its own usage comes with its own errors.
    @Suite(.timeLimit(.minutes(3)))
    struct ServeCommandTests {
        @Test func aTakenPortIsNamedAndABadOneGetsServesUsage() throws {
            // Returns only once the profile was read from the redirected stdout: it is written unbuffered, at start.
            try ServedReference.withServer { directory in
                let profile = try String(contentsOf: directory.appendingPathComponent("lab.yaml"), encoding: .utf8)
                let port = try #require(profile.firstMatch(of: #/127\.0\.0\.1:(\d+)/#)?.output.1)
                let second = try Executable.conformance(
                    ["serve", "--port", String(port)], in: directory, deadline: .seconds(60))
                #expect(second.code == 2, "\(second.output)")
                #expect(second.stderr.contains("port \(port) on 127.0.0.1 is already in use"), "\(second.output)")

                let bad = try Executable.conformance(["serve", "--port", "99999"], in: directory)
                #expect(bad.code == 2)
                #expect(bad.stderr.contains("--port 99999 is not between 0 and 65535"), "\(bad.output)")
                #expect(bad.stderr.contains("Usage: conformance serve"), "\(bad.output)")
            }
        }
    }
}
