import EmbeddedTarget
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// `specs/mutations.yaml`: what each deviation switch of the reference server breaks is catalog data.
@Suite struct MutationCatalogTests {
    @Test func everySwitchIsListedWithRequirementsOfTheCatalog() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        #expect(EmbeddedTarget.mutationProblems(catalog).isEmpty)
        let switches = try EmbeddedTarget.switches(in: catalog)
        #expect(switches.map(\.name) == EmbeddedTarget.switchNames)
        #expect(catalog.mutation("reject-not-represented")?.breaks == ["REJECT-REPRESENT", "REJECT-RELEASES"])
        #expect(catalog.mutation("missing-status-code")?.breaks.first == "ME-INTERACTIONS-FIELDS")
    }

    /// Every operation of `POST /me/interactions/{id}` has a switch that breaks one of its own requirements.
    @Test func everyOperationHasASwitch() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        let operations = [
            "Accept": "accept-twice", "Reject": "reject-not-represented", "StopProcessing": "stop-before-accept",
            "PlaceInQueue": "queue-keeps-owner", "UpdateProperties": "properties-not-updated",
            "PlaceInWorkbin": "workbin-not-placed", "GetWorkbinContent": "no-workbin-content",
            "Transfer": "transfer-keeps-owner", "StartConference": "no-invited-conference",
            "EndConference": "no-left-conference",
        ]
        for (operation, name) in operations {
            #expect(catalog.mutation(name)?.breaks.first?.hasPrefix(operation.uppercased() + "-") == true, "\(name)")
        }
    }

    @Test func aSwitchMissingOrUnknownOrBreakingAnUnknownRequirementIsAProblem() throws {
        var catalog = try Catalog.load(root: repositoryRoot)
        catalog.mutations.removeAll { $0.name == "ok-uppercase" }
        catalog.mutations.append(Mutation(name: "no-such-switch", breaks: ["ACCEPT-SUCCESS-BODY"]))
        let problems = EmbeddedTarget.mutationProblems(catalog).map(\.message)
        #expect(problems.count == 2)
        #expect(problems[0].contains("'ok-uppercase'"))
        #expect(problems[1].contains("'no-such-switch' is not a switch"))
        #expect(throws: InputFileError.self) { try EmbeddedTarget.switches(in: catalog) }

    }
}
