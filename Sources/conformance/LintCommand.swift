import ArgumentParser
import ConformanceCatalog
import EmbeddedTarget
import Foundation

/// `conformance lint`: validates every catalog file and prints spec-clause coverage.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate the catalog and print how many requirements its cases cover.",
        discussion: """
            Exit 2 when the catalog cannot be loaded: a file that cannot be read, an unknown requirement id or \
            field, a golden file that is missing. Exit 1 on unused or non-canonical goldens, and on any MUST or \
            SHOULD requirement that no case cites. Every problem of every file is listed in one pass.

            Examples:
              conformance lint
              conformance lint --fix        (rewrites goldens in canonical form)
            """
    )

    @OptionGroup var location: CatalogOptions

    @Flag(name: .long, help: "Rewrite non-canonical goldens instead of reporting them.")
    var fix = false

    func run() throws {
        var lint: CatalogLint
        do {
            lint = try CatalogLint.run(root: fix ? location.writableRoot(for: "lint --fix") : location.root(), fix: fix)
        } catch {
            throw CommandFailure("catalog: \(error)", code: ExitStatus.usage)
        }
        lint.problems += EmbeddedTarget.mutationProblems(lint.catalog)
        for problem in lint.problems { print("error: \(problem)") }
        print("Cases per operation:")
        for (operation, count) in lint.casesPerOperation { print("  \(operation): \(count)") }
        print("Total: \(lint.casesPerOperation.map(\.count).reduce(0, +)) cases")
        for line in lint.coverageLines { print(line) }
        if !lint.isClean { throw ExitCode(ExitStatus.deviations) }
        print("The catalog is clean.")
    }
}
