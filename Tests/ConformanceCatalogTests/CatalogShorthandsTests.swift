import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceReport

/// The catalog's shorthands (`given: accepted`, `perform:`, `{PRESET: ARGUMENT}`, `access:`) read exactly as the
/// steps they stand for: the same explanation, requirements and agents.
@Suite struct CatalogShorthandsTests {
    /// The real catalog's requirements, readings, presets, fixtures and common goldens beside one operation file,
    /// so the test checks the files the catalog uses.
    static func files(_ operationFile: String) throws -> [String: String] {
        let root = URL(fileURLWithPath: repositoryRoot)
        var files = ["specs/operations/Transfer.yaml": operationFile]
        for path in [
            "specs/requirements.yaml", "specs/readings.yaml", "specs/presets.yaml", "specs/setups.yaml",
            "golden/common/ok.json", "golden/common/error.json",
        ] {
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    static func explained(_ operationFile: String) throws -> [String: String] {
        try withScratchCatalog(files: files(operationFile)) { root in
            let catalog = try Catalog.load(root: root)
            return Dictionary(
                uniqueKeysWithValues: catalog.cases.map { testCase in
                    let text = CaseExplanation.text(testCase, catalog: catalog)
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    // The place a case is defined differs between the two spellings; everything else must not.
                    let body = lines.filter { !$0.hasPrefix("Defined at") }.joined(separator: "\n")
                    return (testCase.id, "\(testCase.agentsNeeded) \(testCase.requirements)\n\(body)")
                })
        }
    }

    @Test func shorthandsReadAsTheStepsTheyStandFor() throws {
        let written = """
            operation: Transfer
            cases:
              - id: t
                title: T
                given:
                  - createInteraction: {agent: agent2, as: other, properties: {a: 1}}
                  - notification: {agent: agent2, match: {id: "${other.id}"}, requirement: NOTIFY-INVITED}
                  - request: {as: agent2, method: POST, path: "/me/interactions/${other.id}", body: {operationName: Accept}}
                    expect: success
                steps:
                  - request: {as: agent3, method: POST, path: "/me/interactions/${other.id}", body: {operationName: Transfer, targetId: "${agent1.id}"}}
                    expect:
                      - error
                      - {refused: true, requirement: NOT-OWNER-REFUSED}
            """
        let short = """
            operation: Transfer
            cases:
              - id: t
                title: T
                given: {accepted: {agent: agent2, as: other, properties: {a: 1}}}
                steps:
                  - perform: {as: agent3, on: other, body: {targetId: "${agent1.id}"}}
                    expect: {refusedBy: NOT-OWNER-REFUSED}
            """
        let expected = try Self.explained(written)
        let actual = try Self.explained(short)
        #expect(actual == expected)
        #expect(actual["t"]?.hasPrefix("3 ") == true, "agent3 is named only in a shorthand: \(actual["t"] ?? "")")
    }

    @Test func anAccessBlockGeneratesTheStandardCases() throws {
        let written = """
            operation: Transfer
            cases:
              - id: transfer-unknown-id
                title: Transfer on an interaction id that does not exist is refused with the documented error body
                steps:
                  - request: {as: agent1, method: POST, path: /me/interactions/NoSuchTransfer0001, body: {operationName: Transfer, targetId: "${agent3.id}"}}
                    expect: error
              - id: transfer-as-admin
                title: A Contact Center Admin cannot perform Transfer (Permissions - Agent)
                given:
                  - createInteraction: {agent: agent1, as: ix}
                  - notification: {agent: agent1, match: {id: "${ix.id}"}, requirement: NOTIFY-INVITED}
                steps:
                  - request: {as: admin, method: POST, path: "/me/interactions/${ix.id}", body: {operationName: Transfer, targetId: "${agent3.id}"}}
                    expect:
                      - refusal
                      - {refused: true, requirement: OPERATION-PERMISSIONS}
              - id: transfer-without-credentials
                title: Transfer without credentials is refused with 401
                given:
                  - createInteraction: {agent: agent1, as: ix}
                steps:
                  - request: {as: nobody, method: POST, path: "/me/interactions/${ix.id}", body: {operationName: Transfer, targetId: "${agent3.id}"}}
                    expect: unauthorized
                  - request: {as: agent1, password: wrong, method: POST, path: "/me/interactions/${ix.id}", body: {operationName: Transfer, targetId: "${agent3.id}"}}
                    expect: unauthorized
            """
        let short = """
            operation: Transfer
            access:
              body: {targetId: "${agent3.id}"}
              admin: invited
            cases: []
            """
        let expected = try Self.explained(written)
        let actual = try Self.explained(short)
        #expect(actual.keys.sorted() == ["transfer-as-admin", "transfer-unknown-id", "transfer-without-credentials"])
        #expect(actual == expected)
    }

    @Test func mistakesInShorthandsNameTheCase() throws {
        func problem(_ steps: String) throws -> String {
            let file = """
                operation: Transfer
                cases:
                  - id: t
                    title: T
                \(steps)
                """
            return try loadingError(Self.files(file)).description
        }
        #expect(try problem("    given: acepted").contains("unknown set-up 'acepted'"))
        #expect(try problem("    given: {accepted: {agnet: agent2}}\n    steps: []").contains("no parameter 'agnet'"))
        #expect(
            try problem("    steps:\n      - perform: {as: agent1, on: ix, id: X}\n        expect: success")
                .contains("either 'on'"))
        #expect(
            try problem("    steps:\n      - perform: {as: agent1}\n        expect: refusedBy")
                .contains("takes an argument"))
        #expect(
            try problem("    steps:\n      - perform: {as: agent1}\n        expect: {success: X}")
                .contains("takes no argument"))
    }
}
