import ConformanceJSON

/// Everything a run checks: the requirements of the document, the cases that cite them, and their goldens.
public struct Catalog: Sendable {
    /// In the order of `requirements.yaml`.
    public var requirements: [Requirement]
    /// In catalog order: operation files alphabetically, cases as written.
    public var cases: [ConformanceCase]
    /// Golden documents by path relative to the golden directory (`Accept/success.json`).
    public var goldens: [String: JSONValue]

    public init(requirements: [Requirement], cases: [ConformanceCase], goldens: [String: JSONValue]) {
        self.requirements = requirements
        self.cases = cases
        self.goldens = goldens
    }

    /// The requirement with this id.
    public func requirement(_ id: String) -> Requirement? {
        requirements.first { $0.id == id }
    }
}
