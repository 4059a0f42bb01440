import ConformanceJSON
import Foundation

/// Checks a catalog beyond what loading needs: canonical and used goldens, and spec-clause coverage.
public struct CatalogLint: Sendable {
    /// Requirements of one level and how many cases cite them.
    public struct Coverage: Sendable {
        public var level: RequirementLevel
        public var covered: [String]
        public var uncovered: [String]

        public var total: Int { covered.count + uncovered.count }
    }

    /// Problems to fix, each naming its file (and line where there is one).
    public var problems: [InputFileError] = []
    /// Coverage per level, MUST first.
    public var coverage: [Coverage] = []
    /// Cases per operation, in catalog order.
    public var casesPerOperation: [(operation: String, count: Int)] = []

    /// Whether CI may pass: no problem and every MUST and SHOULD requirement cited by a case.
    public var isClean: Bool {
        problems.isEmpty && coverage.filter { $0.level != .info }.allSatisfy { $0.uncovered.isEmpty }
    }

    /// Lints the catalog at `root`; with `fix`, rewrites non-canonical goldens in canonical form.
    public static func run(root: String, fix: Bool = false) throws(InputFileError) -> CatalogLint {
        let catalog = try Catalog.load(root: root)
        var lint = CatalogLint()
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
        let cited = Set(catalog.cases.flatMap(\.requirements))
        for level in RequirementLevel.allCases {
            let ids = catalog.requirements.filter { $0.level == level }.map(\.id)
            lint.coverage.append(
                Coverage(
                    level: level, covered: ids.filter(cited.contains), uncovered: ids.filter { !cited.contains($0) })
            )
        }
        for testCase in catalog.cases {
            if let index = lint.casesPerOperation.firstIndex(where: { $0.operation == testCase.operation }) {
                lint.casesPerOperation[index].count += 1
            } else {
                lint.casesPerOperation.append((testCase.operation, 1))
            }
        }
        return lint
    }

    static func goldenFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".json") { files.append(path) }
        }
        return files.sorted()
    }
}
