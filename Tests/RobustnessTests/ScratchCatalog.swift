import ConformanceCatalog
import ConformanceKit
import Foundation

/// Three cases written to a temporary directory and loaded like the real catalog: an operation expecting
/// `{"status":"ok"}`, a list expecting `{"statusCode":0,...}`, and an operation followed by a notification.
enum ScratchCatalog {
    static let caseIDs = ["hostile-post", "hostile-get", "hostile-notified"]

    static let files: [String: String] = [
        "specs/requirements.yaml": """
        requirements:
          - {id: HOSTILE-STATUS, level: MUST, section: "1", quote: "An operation answers HTTP 200."}
          - {id: HOSTILE-BODY, level: MUST, section: "1", quote: "The body is {\\"status\\":\\"ok\\"}."}
          - {id: HOSTILE-LIST, level: MUST, section: "2", quote: "The list has statusCode 0."}
          - {id: HOSTILE-NOTIFIED, level: MUST, section: "3", quote: "The agent is notified."}
        """,
        "specs/operations/Hostile.yaml": """
        operation: Hostile
        cases:
          - id: hostile-post
            title: An operation answers {"status":"ok"}
            steps:
              - request: {as: agent1, method: POST, path: /me/interactions/hostile-1, body: {operationName: Accept}}
                expect:
                  - {status: 200, requirement: HOSTILE-STATUS}
                  - {golden: common/ok.json, requirement: HOSTILE-BODY}
          - id: hostile-get
            title: The list of the agent's interactions answers statusCode 0
            steps:
              - request: {as: agent1, path: /me/interactions}
                expect:
                  - {status: 200, requirement: HOSTILE-STATUS}
                  - {body: {statusCode: 0, uris: $array}, requirement: HOSTILE-LIST}
          - id: hostile-notified
            title: An accepted interaction is notified
            steps:
              - createInteraction: {agent: agent1, as: ix}
              - request: {as: agent1, method: POST, path: "/me/interactions/${ix.id}", body: {operationName: Accept}}
                expect:
                  - {status: 200, requirement: HOSTILE-STATUS}
                  - {golden: common/ok.json, requirement: HOSTILE-BODY}
              - notification: {agent: agent1, match: {id: "${ix.id}"}, requirement: HOSTILE-NOTIFIED}
        """,
        "golden/common/ok.json": """
        {
          "status": "ok"
        }

        """,
    ]

    /// Writes the files, loads them as a catalog, and removes them again.
    static func load() throws -> Catalog {
        try withScratchDirectory { root in
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            return try Catalog.load(root: root.path)
        }
    }

    /// A profile for a hostile target: three agents, an admin, HTTP fixtures and one-second deadlines.
    static func profile(for server: HostileServer) throws -> TargetProfile {
        try TargetProfile.parse(
            yaml: """
                name: Hostile target (\(server.mode.rawValue), \(server.scope.rawValue))
                baseURL: \(server.baseURL)
                agents:
                  - {id: agent-1, username: agent1, password: pass1}
                  - {id: agent-2, username: agent2, password: pass2}
                  - {id: agent-3, username: agent3, password: pass3}
                admin: {id: admin-1, username: admin, password: adminpass}
                mediaTypes: [email]
                fixtures: {kind: http, url: \(server.fixturesURL)}
                timeouts: {request: 1s, notification: 1s, quietPeriod: 100ms}
                """,
            file: "hostile profile"
        )
    }
}

/// A fresh temporary directory for `body`, removed afterwards.
func withScratchDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("robustness-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    return try body(root)
}
