import AsyncHTTPClient
import EmbeddedTarget
import Foundation
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit

/// `conformance explore` against the embedded reference server: no finding where the server follows the document
/// (any reading, the variant), and a shrunk, loadable case where a switch breaks it.
@Suite(.timeLimit(.minutes(3))) struct ExploreTests {
    static func explore(_ options: EmbeddedTarget.Options, sequences: Int = 60) async throws -> Exploration.Result {
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await EmbeddedTarget.withServer(options) { profile in
                let client = TargetClient(httpClient: httpClient, timeout: .seconds(10))
                return try await Exploration.run(
                    Explorer(profile: profile, client: client),
                    options: Exploration.Options(seed: 1, sequences: sequences, steps: 8))
            }
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    @Test(arguments: [
        EmbeddedTarget.Options(),
        EmbeddedTarget.Options(variant: true),
        EmbeddedTarget.Options(readings: EmbeddedTarget.everyReadingNonDefault),
        EmbeddedTarget.Options(readings: EmbeddedTarget.everyReadingNonDefault, variant: true),
    ])
    func aConformantServerHasNoFindings(options: EmbeddedTarget.Options) async throws {
        let result = try await Self.explore(options)
        #expect(result.findings.map(\.message) == [])
        #expect(result.stepsRun >= 60 * 8)
    }

    @Test func aBrokenServerGivesAShrunkCaseTheCatalogLoads() async throws {
        let result = try await Self.explore(EmbeddedTarget.Options(deviations: ["accept-twice"]))
        let finding = try #require(result.findings.first { $0.requirement == "ACCEPT-AFTER-INVITATION" })
        #expect(finding.steps.count <= 6)
        #expect(finding.steps.last?.hasSuffix("Accept") == true)
        // The written case is an operation file of the catalog's format: it loads beside the real catalog.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("explore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["specs", "golden"] {
            try FileManager.default.copyItem(
                atPath: (repositoryRoot as NSString).appendingPathComponent(item),
                toPath: root.appendingPathComponent(item).path)
        }
        try finding.caseYAML.write(
            to: root.appendingPathComponent("specs/operations/Explored.yaml"), atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(root: root.path)
        let explored = try #require(catalog.cases.first { $0.id.hasPrefix("explore-") })
        #expect(explored.requirements.contains("ACCEPT-AFTER-INVITATION"))
        #expect(explored.steps.count == finding.steps.count)
    }
}
