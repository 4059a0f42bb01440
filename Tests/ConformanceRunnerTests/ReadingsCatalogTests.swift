import ReferenceServer
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// The readings of the document are catalog data that cases can tell apart.
@Suite struct ReadingsCatalogTests {
    /// Every `observes:` of the catalog, over every step, check, reading and alternative.
    static func observations(in catalog: Catalog) -> Set<Observation> {
        var found = Set<Observation>()
        for step in catalog.cases.flatMap({ $0.given + $0.steps }) {
            switch step {
            case .request(let request):
                if let observed = request.observes { found.insert(observed) }
                for alternative in request.alternatives {
                    if let observed = alternative.observes { found.insert(observed) }
                }
                for check in request.checks + request.alternatives.flatMap({ $0.checks ?? [] }) {
                    if let observed = check.observes { found.insert(observed) }
                    for other in check.alternatives { if let observed = other.observes { found.insert(observed) } }
                }
            case .notification(let expectation), .noNotification(let expectation):
                if let observed = expectation.observes { found.insert(observed) }
                for other in expectation.alternatives { if let observed = other.observes { found.insert(observed) } }
            case .createInteraction:
                break
            }
        }
        return found
    }

    @Test func everyObservableReadingIsToldApartByTheCatalog() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        #expect(catalog.readings.count >= 15)
        let observed = Self.observations(in: catalog)
        for reading in catalog.readings where reading.observable && reading.name != "notification-channel" {
            let alternatives = Set(observed.filter { $0.reading == reading.name }.map(\.alternative))
            // The channel is told apart by the runner from the messages' channel, not by a step.
            #expect(alternatives.count >= 2, "\(reading.name): only \(alternatives.sorted()) observed")
        }
    }

    @Test func theReferenceServerImplementsExactlyTheCatalogsReadings() throws {
        let catalog = try Catalog.load(root: repositoryRoot)
        #expect(catalog.readings.map(\.name) == Reading.allCases.map(\.rawValue))
        for reading in Reading.allCases {
            #expect(
                catalog.reading(reading.rawValue)?.alternatives.map(\.name) == reading.alternatives.map(\.name),
                "\(reading.rawValue)")
        }
    }

    @Test func anObservationOfAnUnknownAlternativeDoesNotLoad() throws {
        let reading = ReadingDefinition(
            name: "refusal-status", title: "t", requirement: "R",
            alternatives: [.init(name: "4xx", description: "a"), .init(name: "200", description: "b")],
            observedBy: "x")
        let reader = CaseReader(presets: [:], goldenRoot: "/nonexistent", readings: [reading])
        let node = try YAMLValue.parse("observes: refusal-status=404", file: "t.yaml").mapping("t")
        #expect(throws: InputFileError.self) { try reader.observation(node["observes"]) }
        let known = try YAMLValue.parse("observes: refusal-status=200", file: "t.yaml").mapping("t")
        #expect(try reader.observation(known["observes"]) == Observation(reading: "refusal-status", alternative: "200"))
    }
}
