import ConformanceReport

/// A point the document leaves open or contradicts, with every alternative a conformant target may follow.
///
/// Cases tag the checks that tell the alternatives apart (`observes: refusal-status=200`); the report says which
/// alternative the target follows, and no alternative fails a target.
public struct ReadingDefinition: Sendable, Hashable, Codable, Identifiable {
    /// One way a target may read the open point.
    public struct Alternative: Sendable, Hashable, Codable {
        public var name: String
        /// What a target following it does.
        public var description: String
        /// `SHOULD` when following it breaks a SHOULD of the catalog (the cases WARN), else nil.
        public var level: RequirementLevel?

        public init(name: String, description: String, level: RequirementLevel? = nil) {
            self.name = name
            self.description = description
            self.level = level
        }
    }

    public var name: String
    /// The open point in a few words ("HTTP status of a refusal").
    public var title: String
    /// The requirement whose clause leaves the point open (its quote and erratum explain why).
    public var requirement: String
    public var alternatives: [Alternative]
    /// How the suite tells the alternatives apart, or why it cannot.
    public var observedBy: String
    /// False when every case fits every alternative, so a run cannot (and need not) tell which one the target follows.
    public var observable: Bool

    public var id: String { name }

    public init(
        name: String,
        title: String,
        requirement: String,
        alternatives: [Alternative],
        observedBy: String,
        observable: Bool = true
    ) {
        self.name = name
        self.title = title
        self.requirement = requirement
        self.alternatives = alternatives
        self.observedBy = observedBy
        self.observable = observable
    }

    public func alternative(_ name: String) -> Alternative? {
        alternatives.first { $0.name == name }
    }
}
