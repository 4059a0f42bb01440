/// One deviation switch of the reference server and the requirements of the catalog it breaks
/// (`specs/mutations.yaml`). The selftest counts the switch as caught only when a run against the switched
/// server reports one of them.
public struct Mutation: Sendable, Hashable {
    /// The switch's name (`conformance serve --deviate NAME`).
    public var name: String
    /// The requirement ids it breaks; the first is the one the suite was written to name.
    public var breaks: [String]
    /// The operations whose cases must each catch it (a switch that breaks several operations is caught only
    /// when it is caught on each); empty: anywhere.
    public var sites: [String] = []
    /// Where the switch's behaviour does not exist: per site (or `all`), the reading assignments
    /// (`NAME=ALTERNATIVE`, or `variant`) under which the target's answer there is the same with or without it.
    public var inert: [String: [String]] = [:]
    /// The media types a run must cover to see the switch (it breaks those only); empty: the first one does.
    public var mediaTypes: [String] = []
    public var file: String
    public var line: Int?

    public init(
        name: String, breaks: [String], sites: [String] = [], file: String = "specs/mutations.yaml", line: Int? = nil
    ) {
        self.name = name
        self.breaks = breaks
        self.sites = sites
        self.file = file
        self.line = line
    }
}

extension Catalog {
    /// Reads `specs/mutations.yaml`: `mutations: {SWITCH: [REQUIREMENT, ...]}`, or
    /// `SWITCH: {breaks: [REQUIREMENT, ...], sites: [OPERATION, ...]}`.
    package static func loadMutations(_ path: String) throws(InputFileError) -> [Mutation] {
        let root = try YAMLValue.parse(readText(path), file: path).mapping("mutations.yaml")
        try root.rejectUnknownFields(["mutations"])
        let node = try root.required("mutations")
        let entries = try node.mapping("mutations")
        var mutations: [Mutation] = []
        for name in entries.keys {
            guard let value = entries[name] else { continue }
            var breaks: [String]
            var sites: [String] = []
            var inert: [String: [String]] = [:]
            var mediaTypes: [String] = []
            if let fields = try? value.mapping("switch '\(name)'") {
                try fields.rejectUnknownFields(["breaks", "sites", "inert", "mediaTypes"])
                mediaTypes = try fields["mediaTypes"]?.strings("the media types switch '\(name)' breaks") ?? []
                if let node = fields["inert"] {
                    let entries = try node.mapping("where switch '\(name)' is inert")
                    for site in entries.keys {
                        inert[site] = try entries.required(site).strings("the readings under which it is inert")
                    }
                }
                breaks = try fields.required("breaks").strings("the requirements switch '\(name)' breaks")
                sites = try fields["sites"]?.strings("the operations whose cases must catch '\(name)'") ?? []
            } else {
                breaks = try value.strings("the requirements switch '\(name)' breaks")
            }
            guard !breaks.isEmpty else {
                throw value.error("switch '\(name)' must name at least one requirement it breaks")
            }
            var mutation = Mutation(name: name, breaks: breaks, sites: sites, file: path, line: value.line)
            mutation.inert = inert
            mutation.mediaTypes = mediaTypes
            mutations.append(mutation)
        }
        return mutations
    }

    /// The mutation of the switch with this name.
    public func mutation(_ name: String) -> Mutation? {
        mutations.first { $0.name == name }
    }
}
