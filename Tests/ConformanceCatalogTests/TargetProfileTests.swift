import Testing

@testable import ConformanceCatalog
@testable import ConformanceReport

@Suite struct TargetProfileTests {
    let valid = """
        name: Lab
        baseURL: http://127.0.0.1:8090/api/v2/
        agents:
          - {id: agent-1, username: agent1, password: pass1}
          - {id: agent-2, username: agent2, password: "${env:AGENT2_PASSWORD}"}
          - {id: agent-3, username: agent3, password: pass3}
        admin: {id: admin-1, username: admin, password: adminpass}
        queues: [queue-a]
        workbins: [workbin-a]
        fixtures: {kind: http, url: http://127.0.0.1:8090/fixtures}
        timeouts: {request: 2s, notification: 1500ms}
        """

    @Test func readsAProfileWithEnvironmentSecrets() throws {
        let profile = try TargetProfile.parse(yaml: valid, file: "lab.yaml", environment: ["AGENT2_PASSWORD": "s3cret"])
        #expect(profile.baseURL == "http://127.0.0.1:8090/api/v2")
        #expect(profile.notificationsURL == "http://127.0.0.1:8090/api/v2/notifications")
        #expect(profile.agents[1].password == "s3cret")
        #expect(profile.agents[1].passwordVariable == "AGENT2_PASSWORD")
        #expect(profile.timeouts.request == .seconds(2))
        #expect(profile.timeouts.notification == .milliseconds(1500))
        #expect(profile.mediaTypes == ["email"])
        #expect(profile.fixtures == .http(url: "http://127.0.0.1:8090/fixtures"))
    }

    @Test(arguments: [
        ("baseURL: ftp://x\n", "baseURL 'ftp://x' is not an http(s) URL"),
        ("agents: []\n", "agents lists 0; at least 3 are needed"),
        ("colour: blue\n", "unknown field 'colour' in the target profile"),
        ("fixtures: {kind: magic}\n", "fixtures.kind 'magic' is not one of http, command, manual"),
        ("baseURL: http://127.0.0.1:8090\n", "baseURL 'http://127.0.0.1:8090' must end in /api/v2"),
        (
            "fixtures: {kind: http, url: http://x/fixtures, create: ./make.sh}\n",
            "fixtures.create does not apply to fixtures.kind http (it takes kind, url)"
        ),
        (
            "agents:\n  - {id: a, username: u1, password: p}\n  - {id: b, username: u2, password: p}\n"
                + "  - {id: a, username: u3, password: p}\n",
            "agents[2].id 'a' is already the id of agents[0]"
        ),
        (
            "agents:\n  - {id: a, username: u1, password: p}\n  - {id: b, username: u2, password: p}\n"
                + "  - {id: c, username: admin, password: p}\n",
            "admin.username 'admin' is already the username of agents[2]"
        ),
    ])
    func problemsNameTheField(replacement: String, message: String) throws {
        let key = String(replacement.prefix { $0 != ":" })
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            var end = index + 1
            while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
            lines.replaceSubrange(index..<end, with: [String(replacement.dropLast())])
        } else {
            lines.append(String(replacement.dropLast()))
        }
        do {
            _ = try TargetProfile.parse(
                yaml: lines.joined(separator: "\n"), file: "lab.yaml", environment: ["AGENT2_PASSWORD": "x"])
            Issue.record("the profile was accepted")
        } catch {
            #expect(error.file == "lab.yaml")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.line != nil)
        }
    }

    @Test func missingEnvironmentVariableIsNamed() {
        do {
            _ = try TargetProfile.parse(yaml: valid, file: "lab.yaml", environment: [:])
            Issue.record("the profile was accepted")
        } catch {
            #expect(error.message == "password names the environment variable AGENT2_PASSWORD, which is not set")
            #expect(error.line == 5)
        }
    }
}
