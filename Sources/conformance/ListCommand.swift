import ArgumentParser
import ConformanceRunner

/// `conformance list`: the cases of the catalog with their operation and requirements.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the catalog's cases with their operation and the requirements they check.",
        discussion: "Example: conformance list --filter 'accept-*'"
    )

    @OptionGroup var location: CatalogOptions

    @OptionGroup var selection: SelectionOptions

    func run() throws {
        let catalog = try location.load()
        let options = RunOptions(filters: selection.filter)
        let cases = options.select(catalog.cases)
        for testCase in cases {
            print("\(testCase.id)  [\(testCase.operation)]  \(testCase.requirements.joined(separator: ", "))")
            print("    \(testCase.title)")
        }
        print("\(cases.count) case\(cases.count == 1 ? "" : "s")")
    }
}
