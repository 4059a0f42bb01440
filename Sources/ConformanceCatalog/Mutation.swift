/// One deviation switch of the reference server and the requirements of the catalog it breaks
/// (`specs/mutations.yaml`). The selftest counts the switch as caught only when a run against the switched
/// server reports one of them.
public struct Mutation: Sendable, Hashable {
    /// The switch's name (`conformance serve --deviate NAME`).
    public var name: String
    /// The requirement ids it breaks; the first is the one the suite was written to name.
    public var breaks: [String]
    public var file: String
    public var line: Int?

    public init(name: String, breaks: [String], file: String = "specs/mutations.yaml", line: Int? = nil) {
        self.name = name
        self.breaks = breaks
        self.file = file
        self.line = line
    }
}

extension Catalog {
    /// Reads `specs/mutations.yaml`: `mutations: {SWITCH: [REQUIREMENT, ...]}`.
    package static func loadMutations(_ path: String) throws(InputFileError) -> [Mutation] {
        let root = try YAMLValue.parse(readText(path), file: path).mapping("mutations.yaml")
        try root.rejectUnknownFields(["mutations"])
        let node = try root.required("mutations")
        let entries = try node.mapping("mutations")
        var mutations: [Mutation] = []
        for name in entries.keys {
            guard let value = entries[name] else { continue }
            let breaks = try value.strings("the requirements switch '\(name)' breaks")
            guard !breaks.isEmpty else {
                throw value.error("switch '\(name)' must name at least one requirement it breaks")
            }
            mutations.append(Mutation(name: name, breaks: breaks, file: path, line: value.line))
        }
        return mutations
    }

    /// The mutation of the switch with this name.
    public func mutation(_ name: String) -> Mutation? {
        mutations.first { $0.name == name }
    }
}
