import ConformanceCatalog
import ConformanceReport
import Foundation
import Testing

extension CommandLineSuite {
    /// The binary carries its catalog (issue 26): from a directory outside any checkout it runs the same catalog as
    /// the checkout it was built from, and it refuses to write goldens into its read-only copy.
    @Suite(.timeLimit(.minutes(3)))
    struct BundledCatalogTests {
        @Test func outsideACheckoutTheBuiltInCatalogIsTheCheckoutsOwn() throws {
            let directory = try Executable.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let run = try Executable.conformance(
                ["run", "--filter", "accept-twice", "--report", "json:run.json"], in: directory)
            #expect(run.code == 0, "\(run.output)")
            let result = try JSONDecoder().decode(
                RunResult.self, from: Data(contentsOf: directory.appendingPathComponent("run.json")))
            let checkout = try Catalog.load(root: Executable.repositoryRoot.path)
            #expect(result.suite.catalogDigest == checkout.digest)

            let record = try Executable.conformance(["record", "--mode", "missing"], in: directory)
            #expect(record.code == 2)
            #expect(record.stderr.contains("the one built into this binary is read-only"), "\(record.output)")
        }
    }
}
