import ArgumentParser
import ConformanceCatalog

/// `conformance explain CASE`: what a case does and which clauses of the document it checks.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what a case does, step by step, and the clauses of the document it checks.",
        discussion: "Example: conformance explain endconference-two-agents"
    )

    @Argument(help: "A case id (see `conformance list`).")
    var caseID: String

    @OptionGroup var location: CatalogOptions

    func run() throws {
        let catalog = try location.load()
        guard let testCase = catalog.cases.first(where: { $0.id == caseID }) else {
            throw CommandFailure(
                "no case '\(caseID)'" + Suggestions.hint(for: caseID, in: catalog.cases.map(\.id))
                    + " (`conformance list` shows them all)",
                code: ExitStatus.usage
            )
        }
        print(CaseExplanation.text(testCase, catalog: catalog))
    }
}
