import ConformanceJSON
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog

/// `CatalogWriter` prints catalog nodes in the house style, and what it prints reads back to the same nodes.
@Suite struct CatalogWriterTests {
    /// Every file of the real catalog, read, written and read again, says the same.
    @Test func everyCatalogFileReadsBackAsWritten() throws {
        let specs = URL(fileURLWithPath: repositoryRoot).appendingPathComponent("specs")
        let operations = try FileManager.default.contentsOfDirectory(
            at: specs.appendingPathComponent("operations"), includingPropertiesForKeys: nil)
        let files =
            operations
            + ["presets", "setups", "readings", "mutations"].map {
                specs.appendingPathComponent("\($0).yaml")
            }
        #expect(files.count > 15)
        for file in files {
            let read = try YAMLValue.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
            let written = CatalogWriter.text(read)
            let again = try YAMLValue.parse(written, file: "written")
            #expect(again.json == read.json, "\(file.lastPathComponent) reads back otherwise:\n\(written)")
        }
    }

    @Test func casesAndStepsAreWrittenOneFieldPerLineAndValuesInFlowWhereTheyFit() {
        let step: YAMLValue = [
            "request": ["as": "agent1", "method": "POST", "path": "/me/interactions/${ix.id}"],
            "expect": [["refused": false, "requirement": "ACCEPT-AFTER-INVITATION"]],
            "alternatives": [["send": ["body": ["workbin": ["${workbin}"]]], "observes": "workbin-form=list"]],
        ]
        let document: YAMLValue = [
            "operation": "Accept",
            "cases": [["id": "a", "title": "Accept: twice", "given": "invited", "steps": [step]]],
        ]
        #expect(
            CatalogWriter.text(document) == """
                operation: Accept
                cases:
                  - id: a
                    title: "Accept: twice"
                    given: invited
                    steps:
                      - request: {as: agent1, method: POST, path: "/me/interactions/${ix.id}"}
                        expect: [{refused: false, requirement: ACCEPT-AFTER-INVITATION}]
                        alternatives:
                          - send: {body: {workbin: ["${workbin}"]}}
                            observes: workbin-form=list

                """)
    }

    @Test func aValueTooLongForItsLineIsWrittenInBlockStyle() {
        let long = String(repeating: "x", count: 60)
        let node: YAMLValue = [
            "expect": [["body": .text(long), "requirement": "R"], ["status": 200, "requirement": "R"]]
        ]
        #expect(
            CatalogWriter.text(node, width: 80) == """
                expect:
                  - body: \(long)
                    requirement: R
                  - {status: 200, requirement: R}

                """)
    }

    /// A string that YAML would read as something else (a number, a boolean, null, a flow collection) is quoted.
    @Test func stringsThatWouldReadOtherwiseAreQuoted() throws {
        for text in ["200", "true", "null", "", "!5xx", "a: b", "${ix.id}", "[x]", "-1", " padded", "#x", "it's"] {
            let written = CatalogWriter.flow(["v": .text(text)])
            #expect(try YAMLValue.parse(written, file: "t").json == ["v": .string(text)], "\(written)")
        }
        #expect(CatalogWriter.flow(["v": "$string", "n": 2, "b": true]) == "{v: $string, n: 2, b: true}")
    }
}
