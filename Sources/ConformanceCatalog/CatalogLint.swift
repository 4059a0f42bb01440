import ConformanceJSON
import ConformanceReport
import Foundation

/// Checks a catalog beyond what loading needs: canonical and used goldens, quotes that are the document's words,
/// and spec-clause coverage.
public struct CatalogLint: Sendable {
    /// Requirements of one level, split by whether some case asserts them.
    ///
    /// A requirement is asserted when a check, a notification expectation or an alternative of a case's steps
    /// (`given` or `steps`) cites it. Being listed in a case's `requirements:` only does not count.
    public struct Coverage: Sendable {
        public var level: RequirementLevel
        /// Requirements some case asserts, in catalog order.
        public var asserted: [String]
        /// Requirements no case asserts, in catalog order.
        public var notAsserted: [String]

        public init(level: RequirementLevel, asserted: [String], notAsserted: [String]) {
            self.level = level
            self.asserted = asserted
            self.notAsserted = notAsserted
        }

        /// The asserted requirements (the name `conformance lint` has always printed).
        public var covered: [String] { asserted }
        /// The requirements no case asserts.
        public var uncovered: [String] { notAsserted }

        public var total: Int { asserted.count + notAsserted.count }

        /// How `conformance lint` names a requirement no case asserts: an INFO requirement is only ever observed.
        public var notAssertedLabel: String {
            level == .info ? "not asserted (observed only / not testable)" : "not asserted"
        }

        /// The level's line (`MUST: 40/42 asserted (95%)`) and one line per requirement no case asserts.
        public var lines: [String] {
            let percent = total == 0 ? 100 : asserted.count * 100 / total
            return ["\(level.rawValue): \(asserted.count)/\(total) asserted (\(percent)%)"]
                + notAsserted.map { "  \(notAssertedLabel): \($0)" }
        }
    }

    /// The catalog linted.
    public var catalog = Catalog(requirements: [], cases: [], goldens: [:])
    /// Problems to fix, each naming its file (and line where there is one).
    public var problems: [InputFileError] = []
    /// Coverage per level, MUST first.
    public var coverage: [Coverage] = []
    /// Cases per operation, in catalog order.
    public var casesPerOperation: [(operation: String, count: Int)] = []

    /// Requirements the runner asserts itself, over every case: a reading answered both ways in one run.
    public static let assertedByTheRunner: Set<String> = ["READING-CONSISTENT"]

    /// The requirements a check, notification or alternative of a case asserts, or the runner does.
    public static func assertedRequirements(_ catalog: Catalog) -> Set<String> {
        Set(catalog.cases.flatMap { ($0.given + $0.steps).flatMap(\.requirements) }).union(assertedByTheRunner)
    }

    /// Whether CI may pass: no problem and every MUST and SHOULD requirement asserted by a case. An INFO
    /// requirement no case asserts is listed, but does not fail the lint.
    public var isClean: Bool {
        problems.isEmpty && coverage.filter { $0.level != .info }.allSatisfy { $0.notAsserted.isEmpty }
    }

    /// The coverage section as `conformance lint` prints it: a heading, then each level and the requirements no
    /// case asserts.
    public var coverageLines: [String] {
        ["Spec-clause coverage (requirements asserted by a check, notification or alternative of a case):"]
            + coverage.flatMap(\.lines).map { "  " + $0 }
    }

    /// Lints the catalog at `root`; with `fix`, rewrites non-canonical goldens in canonical form.
    public static func run(root: String, fix: Bool = false) throws(InputFileError) -> CatalogLint {
        let catalog = try Catalog.load(root: root)
        var lint = CatalogLint()
        lint.catalog = catalog
        let goldenRoot = (root as NSString).appendingPathComponent("golden")
        for relative in goldenFiles(under: goldenRoot) {
            let path = (goldenRoot as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let value: JSONValue
            do {
                value = try JSONValue(parsing: data)
            } catch {
                lint.problems.append(InputFileError(file: path, line: error.line, message: error.description))
                continue
            }
            if catalog.goldens[relative] == nil {
                lint.problems.append(InputFileError(file: path, message: "golden file is not used by any case"))
            }
            if String(decoding: data, as: UTF8.self) != value.canonicalText {
                if fix {
                    try? value.canonicalText.write(toFile: path, atomically: true, encoding: .utf8)
                } else {
                    lint.problems.append(
                        InputFileError(
                            file: path,
                            message:
                                "golden file is not canonical JSON (sorted keys, 2 spaces); `conformance lint --fix` rewrites it"
                        )
                    )
                }
            }
        }
        lint.problems += quoteProblems(root: root, requirements: catalog.requirements)
        lint.coverage = coverage(of: catalog)
        for testCase in catalog.cases {
            if let index = lint.casesPerOperation.firstIndex(where: { $0.operation == testCase.operation }) {
                lint.casesPerOperation[index].count += 1
            } else {
                lint.casesPerOperation.append((testCase.operation, 1))
            }
        }
        return lint
    }

    /// Every quote of `specs/requirements.yaml` that is not the words of the document at `QuoteCheck.documentPath`,
    /// or one problem saying the document is missing.
    package static func quoteProblems(root: String, requirements: [Requirement]) -> [InputFileError] {
        let requirementsFile = (root as NSString).appendingPathComponent("specs/requirements.yaml")
        let document: String
        do {
            document = try QuoteCheck.readDocument((root as NSString).appendingPathComponent(QuoteCheck.documentPath))
        } catch {
            return [error]
        }
        return QuoteCheck.problems(requirements: requirements, document: document).map {
            InputFileError(file: requirementsFile, line: $0.line, message: $0.description)
        }
    }

    /// Coverage per level, MUST first: a requirement counts only when a step of some case asserts it.
    public static func coverage(of catalog: Catalog) -> [Coverage] {
        let asserted = Self.assertedRequirements(catalog)
        return RequirementLevel.allCases.map { level in
            let ids = catalog.requirements.filter { $0.level == level }.map(\.id)
            return Coverage(
                level: level, asserted: ids.filter(asserted.contains),
                notAsserted: ids.filter { !asserted.contains($0) })
        }
    }

    package static func goldenFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".json") { files.append(path) }
        }
        return files.sorted()
    }
}
