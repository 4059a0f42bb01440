import Testing

@testable import ReferenceServer

@Suite struct ProfileTests {
    @Test func profileNamesTheServerAndItsAccounts() async throws {
        var settings = ReferenceServerConfiguration.generated()
        settings.agents[0].password = #"p"w\d"#
        let configuration = settings
        let profile = try await ReferenceServer.withRunning(configuration) { server in
            #expect(server.fixturesURL == "http://127.0.0.1:\(server.port)/fixtures")
            #expect(server.port > 0)
            return server.profileYAML()
        }
        let lines = profile.split(separator: "\n").map(String.init)
        #expect(lines.first == "name: Reference server")
        #expect(lines.contains("auth: basic"))
        #expect(lines.contains { $0.hasPrefix("baseURL: http://127.0.0.1:") && $0.hasSuffix("/api/v2") })
        #expect(
            lines.contains { $0.hasPrefix("notifications: http://127.0.0.1:") && $0.hasSuffix("/api/v2/notifications") }
        )
        #expect(lines.contains(#"  - {id: agent-1, username: agent1, password: "p\"w\\d"}"#))
        #expect(lines.contains("admin: {id: admin-1, username: admin, password: \"\(configuration.admin.password)\"}"))
        #expect(lines.contains("queues: [queue-a, queue-b]"))
        #expect(lines.contains("workbins: [workbin-a, workbin-b]"))
        #expect(lines.contains("mediaTypes: [email, chat]"))
        #expect(
            lines.contains {
                $0.hasPrefix("fixtures: {kind: http, url: http://127.0.0.1:") && $0.hasSuffix("/fixtures}")
            })
    }

    @Test func generatedPasswordsDiffer() {
        let first = ReferenceServerConfiguration.generated()
        let second = ReferenceServerConfiguration.generated()
        #expect(first.agents.map(\.id) == ["agent-1", "agent-2", "agent-3"])
        #expect(first.agents.map(\.username) == ["agent1", "agent2", "agent3"])
        #expect(first.agents[0].password != second.agents[0].password)
        #expect(first.admin.username == "admin")
    }
}
