import Foundation
import Testing

@testable import ReferenceServer

/// The table of readings: the names the suite relies on, parsing `--reading`, and the guard against a misspelt
/// alternative in the server's code.
@Suite struct ReadingTableTests {
    /// The names are a contract with the suite's `specs/readings.yaml`.
    @Test func readingsAreTheContractedOnesWithTheDefaultFirst() {
        let contract: [String: [String]] = [
            "success-body": ["ok-body", "empty"], "refusal-status": ["4xx", "200"],
            "notification-channel": ["no-slash", "trailing-slash"], "invited-state": ["Invited", "other"],
            "handled-includes-invited": ["accepted-only", "invited-too"],
            "conference-invitee": ["at-once", "on-accept"], "conference-invited-recipient": ["invitee", "initiator"],
            "transfer-ownership": ["on-accept", "at-once"], "leaveconference-alias": ["absent", "accepted"],
            "endconference-agent": ["leaver", "caller"], "getworkbincontent-id": ["existing", "ignored"],
            "workbin-form": ["either", "string", "list"], "first-connect": ["immediate", "held"],
            "put-body": ["properties", "refused"], "admin-get": ["refused", "allowed"],
            "operation-name-case": ["exact", "insensitive"], "reject-recipient": ["next-agent", "another-agent"],
        ]
        #expect(Reading.allCases.count == contract.count)
        for reading in Reading.allCases {
            #expect(reading.alternatives.map(\.name) == contract[reading.rawValue])
            #expect(reading.defaultAlternative == contract[reading.rawValue]?.first)
            #expect(!reading.summary.isEmpty)
            #expect(reading.alternatives.allSatisfy { !$0.summary.isEmpty && !$0.summary.contains("\n") })
            #expect(Readings()[reading] == reading.defaultAlternative)
        }
        #expect(Readings().nonDefault.isEmpty)
    }

    /// A row's alternatives are distinct names, two or more (the table is a list of pairs, so nothing else keeps them
    /// apart).
    @Test func everyRowHasTwoOrMoreDistinctAlternatives() {
        for reading in Reading.allCases {
            let names = reading.alternatives.map(\.name)
            #expect(names.count >= 2, "\(reading.rawValue)")
            #expect(Set(names).count == names.count, "\(reading.rawValue)")
            #expect(
                names.allSatisfy { !$0.isEmpty && !$0.contains("=") && $0.trimmingCharacters(in: .whitespaces) == $0 })
        }
    }

    @Test func assignmentsSelectAlternatives() throws {
        let readings = try Readings(parsing: ["refusal-status=200", " workbin-form = list ", "put-body=properties"])
        #expect(readings.follows(.refusalStatus, "200"))
        #expect(readings.follows(.workbinForm, "list"))
        #expect(readings[.workbinForm] == "list")
        #expect(readings.nonDefault == ["refusal-status=200", "workbin-form=list"])
        var every = Readings()
        for reading in Reading.allCases {
            let last = try #require(reading.alternatives.last)
            try every.select(last.name, for: reading)
        }
        #expect(every.nonDefault.count == Reading.allCases.count)
        #expect(try Readings(parsing: every.nonDefault) == every)
    }

    /// Readings are equal when they follow the same alternatives, however these were chosen.
    @Test func readingsAtTheSameAlternativesAreEqual() throws {
        var explicit = Readings()
        explicit[.putBody] = "properties"
        #expect(explicit == Readings())
        #expect(explicit.hashValue == Readings().hashValue)
        explicit[.putBody] = "refused"
        #expect(explicit == Readings(.putBody, "refused"))
        #expect(explicit != Readings())
    }

    @Test func parseErrorsSayWhatIsWrong() {
        #expect(throws: ReadingError.unknownReading("x")) { try Readings(parsing: ["x=1"]) }
        #expect(
            throws: ReadingError.unknownAlternative(reading: .refusalStatus, alternative: "y")
        ) { try Readings(parsing: ["refusal-status=y"]) }
        #expect(throws: ReadingError.malformed("refusal-status")) { try Readings(parsing: ["refusal-status"]) }
        #expect(throws: ReadingError.malformed("=200")) { try Readings(parsing: ["=200"]) }
        #expect(
            throws: ReadingError.conflicting(reading: .refusalStatus, alternatives: ["200", "4xx"])
        ) { try Readings(parsing: ["refusal-status=200", "refusal-status=4xx"]) }
        #expect((try? Readings(parsing: ["refusal-status=200", "refusal-status=200"]))?[.refusalStatus] == "200")
        #expect(throws: ReadingError.unknownAlternative(reading: .putBody, alternative: "x")) {
            var readings = Readings()
            try readings.select("x", for: .putBody)
        }
        #expect(
            ReadingError.unknownReading("x").description == "unknown reading 'x'; --list-readings lists them"
        )
        #expect(
            ReadingError.unknownAlternative(reading: .refusalStatus, alternative: "y").description
                == "reading 'refusal-status' has no alternative 'y' (alternatives: 4xx, 200)"
        )
        #expect(
            ReadingError.unknownReading("x").description(listedBy: "`conformance serve --list-readings`")
                == "unknown reading 'x'; `conformance serve --list-readings` lists them"
        )
    }

    // MARK: - The typo guard

    /// Asking about an alternative the reading does not have is a mistake in the code: it stops the server.
    @Test func askingAboutAnUnknownAlternativeTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Readings().follows(.putBody, "refuse")
        }
        await #expect(processExitsWith: .failure) {
            var readings = Readings()
            readings[.putBody] = "refuse"
        }
    }

    /// Every `.follows(.reading, "alternative")` of the server's sources names an alternative of the reading's row,
    /// so a misspelt name fails here even on a path no test takes. A call that is not of that literal form fails too:
    /// the scan could not check it.
    @Test func everyAlternativeTheServerAsksAboutIsInTheTable() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ReferenceServer")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        // The Swift name of each case (`putBody`), as the sources write it.
        let readings = Dictionary(uniqueKeysWithValues: Reading.allCases.map { (String(describing: $0), $0) })
        let call = #/\.follows\(\s*\.(\w+)\s*,\s*"([^"\\]*)"\s*\)/#
        var asked = Set<Reading>()
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let calls = text.ranges(of: ".follows(").count
            let literal = text.matches(of: call)
            #expect(literal.count == calls, "\(file): a .follows( call not of the form .follows(.reading, \"name\")")
            for match in literal {
                let (caseName, alternative) = (String(match.output.1), String(match.output.2))
                guard let reading = readings[caseName] else {
                    Issue.record("\(file): .follows(.\(caseName), ...) names no reading")
                    continue
                }
                #expect(
                    reading.hasAlternative(alternative),
                    "\(file): reading '\(reading.rawValue)' has no alternative '\(alternative)'")
                asked.insert(reading)
            }
        }
        // The server asks about every reading somewhere: one it never asks about is not implemented (or the scan
        // no longer sees the calls).
        let neverAsked = Reading.allCases.filter { !asked.contains($0) }.map(\.rawValue)
        #expect(neverAsked.isEmpty, "the server never asks about \(neverAsked)")
    }
}
