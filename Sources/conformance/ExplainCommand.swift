import ArgumentParser
import ConformanceCatalog
import ConformanceKit

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
            let close = catalog.cases.map(\.id).filter { $0.hasPrefix(String(caseID.prefix(6))) }.prefix(5)
            throw CommandFailure(
                "no case '\(caseID)'" + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")
                    + " (`conformance list` shows them all)",
                code: ExitStatus.usage
            )
        }
        print(CaseExplanation.text(testCase, catalog: catalog))
    }
}
