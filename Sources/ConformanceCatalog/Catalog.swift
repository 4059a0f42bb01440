import ConformanceJSON
import ConformanceReport

/// Everything a run checks: the requirements of the document, the cases that cite them, and their goldens.
public struct Catalog: Sendable {
    /// In the order of `requirements.yaml`.
    public var requirements: [Requirement]
    /// In catalog order: operation files alphabetically, cases as written.
    public var cases: [ConformanceCase]
    /// Golden documents by path relative to the golden directory (`Accept/success.json`).
    public var goldens: [String: JSONValue]
    /// The points the document leaves open, with their alternatives (`specs/readings.yaml`).
    public var readings: [ReadingDefinition]
    /// The reference server's deviation switches and what each breaks (`specs/mutations.yaml`).
    public var mutations: [Mutation] = []
    /// The presets of `specs/presets.yaml`, by name, and the golden directory their goldens are under: what
    /// `checks(_:operation:)` reads.
    package var presets: [String: YAMLValue] = [:]
    package var goldenRoot = ""
    /// Members that change on every read (a server clock): not a change a refused request made.
    public var volatileMembers: [String] = []
    /// SHA-256 over every catalog and golden file (paths and bytes), so a report names exactly what it checked.
    public var digest: String?

    public init(
        requirements: [Requirement], cases: [ConformanceCase], goldens: [String: JSONValue], digest: String? = nil,
        readings: [ReadingDefinition] = []
    ) {
        self.requirements = requirements
        self.readings = readings
        self.cases = cases
        self.goldens = goldens
        self.digest = digest
    }

    /// The requirement with this id.
    public func requirement(_ id: String) -> Requirement? {
        requirements.first { $0.id == id }
    }

    /// The reading with this name.
    public func reading(_ name: String) -> ReadingDefinition? {
        readings.first { $0.name == name }
    }
}
