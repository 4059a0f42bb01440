import ConformanceJSON
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceReport

/// A scratch catalog in a temporary directory, removed after `body`.
func withScratchCatalog<T>(
    files: [String: String],
    _ body: (String) throws -> T
) throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return try body(root.path)
}

/// The error loading a scratch catalog made of `files` produces.
func loadingError(_ files: [String: String]) throws -> InputFileError {
    try withScratchCatalog(files: files) { root in
        do {
            _ = try Catalog.load(root: root)
        } catch let error as InputFileError {
            return error
        }
        throw CatalogLoadedAnyway()
    }
}

struct CatalogLoadedAnyway: Error {}

let minimalRequirements = """
    requirements:
      - {id: R-ONE, level: MUST, section: S, quote: Q}
      - {id: R-TWO, level: SHOULD, section: S, quote: Q}
    """

@Suite struct CatalogLoadingTests {
    @Test func theRealCatalogLoadsAndCitesOnlyKnownRequirements() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        #expect(catalog.cases.count >= 12)
        let known = Set(catalog.requirements.map(\.id))
        for testCase in catalog.cases {
            #expect(!testCase.requirements.isEmpty, "case \(testCase.id) cites no requirement")
            #expect(testCase.requirements.allSatisfy(known.contains))
        }
        #expect(catalog.goldens["common/ok.json"] == ["status": "ok"])
    }

    @Test func theDigestNamesTheExactCatalog() throws {
        let files = [
            "specs/requirements.yaml": minimalRequirements,
            "specs/operations/X.yaml": "operation: X\ncases: []\n",
        ]
        let first = try withScratchCatalog(files: files) { try Catalog.load(root: $0).digest }
        let same = try withScratchCatalog(files: files) { try Catalog.load(root: $0).digest }
        var changed = files
        changed["specs/operations/X.yaml"] = "operation: X\ncases: [] # edited\n"
        let other = try withScratchCatalog(files: changed) { try Catalog.load(root: $0).digest }
        #expect(first?.count == 64)
        #expect(first == same)
        #expect(first != other)
    }

    @Test func presetsExpandWithTheOperationName() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let accept = try #require(catalog.cases.first { $0.id == "accept-invited" })
        #expect(accept.requirements.contains("ACCEPT-SUCCESS-BODY"))
        #expect(accept.requirements.contains("HTTP-SUCCESS-200"))
    }

    @Test func unknownFieldNamesFileLineAndKnownFields() throws {
        let error = try loadingError([
            "specs/requirements.yaml": minimalRequirements,
            "specs/operations/X.yaml": """
            operation: X
            cases:
              - id: x-one
                title: t
                steps:
                  - request: {as: agent1, path: /me/interactions, methd: GET}
                    expect: [{status: 200, requirement: R-ONE}]
            """,
        ])
        #expect(error.file.hasSuffix("specs/operations/X.yaml"))
        #expect(error.line == 6)
        #expect(error.message.contains("unknown field 'methd'"))
        #expect(error.message.contains("method"))
    }

    @Test func unknownRequirementIsRefused() throws {
        let error = try loadingError([
            "specs/requirements.yaml": minimalRequirements,
            "specs/operations/X.yaml": """
            operation: X
            cases:
              - id: x-one
                title: t
                steps:
                  - request: {as: agent1, path: /me/interactions}
                    expect: [{status: 200, requirement: R-THREE}]
            """,
        ])
        #expect(error.message == "case 'x-one' cites unknown requirement 'R-THREE'")
    }

    @Test func badMatcherInAGoldenIsReportedWithItsPointer() throws {
        let error = try loadingError([
            "specs/requirements.yaml": minimalRequirements,
            "golden/X/a.json": #"{"status": "$strng"}"#,
            "specs/operations/X.yaml": """
            operation: X
            cases:
              - id: x-one
                title: t
                steps:
                  - request: {as: agent1, path: /me/interactions}
                    expect: [{golden: X/a.json, requirement: R-ONE}]
            """,
        ])
        #expect(error.message.contains("invalid matcher at /status"))
    }

    @Test func oneLoadReportsEveryProblemOfEveryFile() throws {
        let error = try loadingError([
            "specs/requirements.yaml": minimalRequirements,
            "specs/operations/A.yaml": """
            operation: A
            cases:
              - id: a-one
                title: t
                steps:
                  - request: {as: agent1, path: /me/interactions, methd: GET}
              - id: a-two
                title: t
                steps:
                  - request: {as: agent1, path: /me/interactions}
                    expect: [{status: 200, requirement: R-THREE}]
              - id: a-three
                title: t
                steps:
                  - request: {as: agent1, path: /me/interactions}
                    expect: [{status: 200, requirement: R-ONE}]
            """,
            "specs/operations/B.yaml": "operation: B\ncases: [{id: b-one}]\n",
        ])
        let problems = error.all
        #expect(problems.count == 3)
        #expect(problems.map { ($0.file as NSString).lastPathComponent } == ["A.yaml", "B.yaml", "A.yaml"])
        #expect(problems[0].message.contains("unknown field 'methd'"))
        #expect(problems[1].message.contains("steps"))
        #expect(problems[2].message == "case 'a-two' cites unknown requirement 'R-THREE'")
        #expect(error.description.hasPrefix("3 problems:\n  "))
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let error = try loadingError([
            "specs/requirements.yaml": "requirements:\n  - {id: R, level: MUST\n",
            "specs/operations/X.yaml": "operation: X\ncases: []\n",
        ])
        #expect(error.file.hasSuffix("requirements.yaml"))
        #expect(error.message.hasPrefix("not valid YAML"))
        #expect(error.line != nil)
    }

    @Test func aSwitchBreakingAnUnknownRequirementNamesItsLine() throws {
        let error = try loadingError([
            "specs/requirements.yaml": minimalRequirements,
            "specs/operations/X.yaml": "operation: X\ncases: []\n",
            "specs/mutations.yaml": "mutations:\n  ok-uppercase: [R-ONE, R-NINE]\n",
        ])
        #expect(error.message == "switch 'ok-uppercase' breaks unknown requirement 'R-NINE'")
        #expect(error.line == 2)
    }
}
