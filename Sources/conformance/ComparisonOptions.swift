import ArgumentParser
import ConformanceReport
import Foundation

/// The options of `conformance diff` and `conformance run --compare-to`: what to compare and what fails.
struct ComparisonOptions: ParsableArguments {
    /// What turns a difference into exit code 1.
    enum FailOn: String, CaseIterable, ExpressibleByArgument {
        case regression, change

        var gate: RunDifference.Gate {
            switch self {
            case .regression: .regression
            case .change: .change
            }
        }
    }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also list the cases that took more than FACTOR times as long, and at least 10 ms longer, e.g. 3x (default: durations are not compared; loopback times jitter).",
            valueName: "factor"))
    var slower: String?

    @Flag(
        name: .long,
        help:
            "Compare reports written with different catalogs (refused otherwise, exit 2), and list the cases whose definition changed."
    )
    var allowCatalogChange = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Exit 1 on a difference: regression (a case's verdict got worse, or a case breaks a requirement it did not) or change (any difference). Default: the difference changes no exit code.",
            valueName: "regression|change"))
    var failOn: FailOn?

    func validate() throws {
        if let slower, Self.factor(slower) == nil {
            throw ValidationError("--slower '\(slower)' is not a factor above 1 like 3x or 1.5x")
        }
    }

    var options: RunDifference.Options {
        RunDifference.Options(slower: slower.flatMap(Self.factor), allowCatalogChange: allowCatalogChange)
    }

    /// `3x`, `3` or `1.5x` → 3, 3, 1.5; nil unless above 1.
    static func factor(_ text: String) -> Double? {
        let digits = text.hasSuffix("x") || text.hasSuffix("×") ? String(text.dropLast()) : text
        guard let factor = Double(digits), factor > 1, factor.isFinite else { return nil }
        return factor
    }

    /// Parses `--report`-style destinations of a difference; a bad one is a usage error.
    static func destinations(_ arguments: [String], option: String) throws -> [DifferenceReport.Destination] {
        try arguments.map { argument in
            guard let destination = DifferenceReport.Destination(argument: argument) else {
                throw ValidationError(
                    "\(option) '\(argument)' is not FORMAT:PATH with FORMAT one of "
                        + DifferenceReport.registry.formatNames)
            }
            return destination
        }
    }

    /// Compares, prints the difference and writes its reports; exits 2 when the catalogs differ unasked.
    func compare(
        _ old: RunResult, _ new: RunResult, reporter: ConsoleReporter, destinations: [DifferenceReport.Destination]
    ) throws(CommandFailure) -> RunDifference {
        let difference: RunDifference
        do {
            difference = try RunDifference(old: old, new: new, options: options)
        } catch {
            throw CommandFailure(error.description, code: ExitStatus.usage)
        }
        reporter.difference(difference)
        for problem in DifferenceReport.write(difference, to: destinations) {
            FileHandle.standardError.write(Data(("error: " + problem + "\n").utf8))
        }
        return difference
    }
}
