import ConformanceReport

extension ReadingDefinition {
    /// Reads `specs/readings.yaml`; every reading cites a known requirement and has two or more alternatives.
    package static func load(_ path: String, requirements: [Requirement]) throws(InputFileError) -> [ReadingDefinition]
    {
        let root = try YAMLValue.parse(Catalog.readText(path), file: path).mapping("readings.yaml")
        try root.rejectUnknownFields(["readings"])
        var readings: [ReadingDefinition] = []
        for node in try root.required("readings").list("readings") {
            let fields = try node.mapping("a reading")
            try fields.rejectUnknownFields(["name", "title", "requirement", "alternatives", "observedBy", "observable"])
            let name = try fields.required("name").string("name")
            guard !readings.contains(where: { $0.name == name }) else {
                throw node.error("reading '\(name)' is defined twice")
            }
            let requirementNode = try fields.required("requirement")
            let requirement = try requirementNode.string("requirement")
            guard requirements.contains(where: { $0.id == requirement }) else {
                throw requirementNode.error("reading '\(name)' cites unknown requirement '\(requirement)'")
            }
            var alternatives: [Alternative] = []
            let alternativesNode = try fields.required("alternatives")
            for alternativeNode in try alternativesNode.list("alternatives") {
                let alternative = try alternativeNode.mapping("an alternative")
                try alternative.rejectUnknownFields(["name", "description", "level"])
                var level: RequirementLevel?
                if let levelNode = alternative["level"] {
                    level = RequirementLevel(rawValue: try levelNode.string("level"))
                    guard level == .should else { throw levelNode.error("an alternative's level may only be SHOULD") }
                }
                let alternativeName = try alternative.required("name").string("name")
                guard !alternatives.contains(where: { $0.name == alternativeName }) else {
                    throw alternativeNode.error("reading '\(name)' lists alternative '\(alternativeName)' twice")
                }
                alternatives.append(
                    Alternative(
                        name: alternativeName,
                        description: try alternative.required("description").string("description"),
                        level: level
                    )
                )
            }
            guard alternatives.count >= 2 else {
                throw alternativesNode.error("reading '\(name)' needs at least two alternatives")
            }
            let observable = try fields["observable"]?.boolean("observable") ?? true
            readings.append(
                ReadingDefinition(
                    name: name,
                    title: try fields.required("title").string("title"),
                    requirement: requirement,
                    alternatives: alternatives,
                    observedBy: try fields.required("observedBy").string("observedBy"),
                    observable: observable
                )
            )
        }
        return readings
    }
}
