import ConformanceJSON
import ConformanceReport
import Foundation

extension Catalog {
    /// Reads `specs/requirements.yaml`, `specs/presets.yaml`, `specs/operations/*.yaml` and the goldens they
    /// name under `root`; every problem names its file and line.
    public static func load(root: String, allowMissingGoldens: Bool = false) throws(InputFileError) -> Catalog {
        let specs = (root as NSString).appendingPathComponent("specs")
        let goldenRoot = (root as NSString).appendingPathComponent("golden")
        var problems = InputProblems()
        let requirements = problems.attempt { () throws(InputFileError) in
            try loadRequirements((specs as NSString).appendingPathComponent("requirements.yaml"))
        }
        let presetsPath = (specs as NSString).appendingPathComponent("presets.yaml")
        let (presets, alternativePresets, volatileMembers) =
            FileManager.default.fileExists(atPath: presetsPath)
            ? problems.attempt { () throws(InputFileError) in try loadPresets(presetsPath) } ?? ([:], [:], [])
            : ([:], [:], [])
        let readingsPath = (specs as NSString).appendingPathComponent("readings.yaml")
        var readings: [ReadingDefinition] = []
        if let requirements, FileManager.default.fileExists(atPath: readingsPath) {
            readings =
                problems.attempt { () throws(InputFileError) in
                    try ReadingDefinition.load(readingsPath, requirements: requirements)
                } ?? []
        }
        let operationsDirectory = (specs as NSString).appendingPathComponent("operations")
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: operationsDirectory)
                .filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            problems.add(
                InputFileError(
                    file: operationsDirectory,
                    message: "cannot list the operation files: \(error.localizedDescription)"))
            files = []
        }
        let setupsPath = (specs as NSString).appendingPathComponent("setups.yaml")
        var reader = CaseReader(presets: presets, goldenRoot: goldenRoot, readings: readings)
        reader.alternativePresets = alternativePresets
        // A named alternative is read once here, so a mistake in one that no step names yet is still reported.
        for name in alternativePresets.keys.sorted() {
            _ = problems.attempt { () throws(InputFileError) in
                try reader.readAlternatives(YAMLValue.sequence([.text(name)]), operation: "")
            }
        }
        reader.allowMissingGoldens = allowMissingGoldens
        if FileManager.default.fileExists(atPath: setupsPath) {
            reader.shorthands =
                problems.attempt { () throws(InputFileError) in try CatalogShorthands.load(setupsPath) } ?? .none
        }
        let mutationsPath = (specs as NSString).appendingPathComponent("mutations.yaml")
        let mutations =
            FileManager.default.fileExists(atPath: mutationsPath)
            ? problems.attempt { () throws(InputFileError) in try loadMutations(mutationsPath) } ?? [] : []
        var cases: [ConformanceCase] = []
        for file in files {
            let path = (operationsDirectory as NSString).appendingPathComponent(file)
            cases += reader.readOperationFile(path, problems: &problems)
        }
        // What a case is judged on without citing it belongs to a catalog that states that requirement.
        if let requirements {
            let unstated = CaseReader.implicitRequirementIds.filter { id in !requirements.contains { $0.id == id } }
            for index in cases.indices { cases[index].requirements.removeAll(where: unstated.contains) }
        }
        var catalog = Catalog(
            requirements: requirements ?? [], cases: cases, goldens: reader.goldens, readings: readings)
        catalog.mutations = mutations
        catalog.presets = presets
        catalog.volatileMembers = volatileMembers
        catalog.goldenRoot = goldenRoot
        if requirements != nil {
            for problem in catalog.referenceProblems() { problems.add(problem) }
        }
        try problems.throwIfAny()
        catalog.digest = CatalogDigest.sha256(root: root)
        return catalog
    }

    package static func readText(_ path: String) throws(InputFileError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputFileError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
    }

    package static func loadRequirements(_ path: String) throws(InputFileError) -> [Requirement] {
        let root = try YAMLValue.parse(readText(path), file: path).mapping("requirements.yaml")
        try root.rejectUnknownFields(["requirements"])
        var requirements: [Requirement] = []
        for node in try root.required("requirements").list("requirements") {
            let fields = try node.mapping("a requirement")
            try fields.rejectUnknownFields(["id", "level", "section", "quote", "erratum", "source", "paraphrase"])
            let id = try fields.required("id").string("id")
            guard !requirements.contains(where: { $0.id == id }) else {
                throw node.error("requirement id '\(id)' is used twice")
            }
            let levelNode = try fields.required("level")
            guard let level = RequirementLevel(rawValue: try levelNode.string("level")) else {
                throw levelNode.error("level must be MUST, SHOULD or INFO")
            }
            var source = Requirement.Source.document
            if let sourceNode = fields["source"] {
                guard let named = Requirement.Source(rawValue: try sourceNode.string("source")) else {
                    throw sourceNode.error(
                        "source of requirement '\(id)' must be document (the default) or external (RFC 9110, Bayeux, "
                            + "CometD, named in section)"
                    )
                }
                source = named
            }
            var isParaphrase = false
            if let paraphraseNode = fields["paraphrase"] {
                isParaphrase = try paraphraseNode.boolean("paraphrase of requirement '\(id)'")
            }
            requirements.append(
                Requirement(
                    id: id,
                    level: level,
                    section: try fields.required("section").string("section"),
                    quote: try fields.required("quote").string("quote"),
                    erratum: try fields["erratum"]?.string("erratum"),
                    source: source,
                    isParaphrase: isParaphrase,
                    line: node.line
                )
            )
        }
        return requirements
    }

    /// Reads `specs/presets.yaml`: the expectation presets by name, the named step alternatives, and its
    /// `volatile:` members (members that change on every read, such as a server clock, left out when the runner
    /// proves that a refused request changed nothing).
    package static func loadPresets(_ path: String) throws(InputFileError)
        -> (presets: [String: YAMLValue], alternatives: [String: YAMLValue], volatile: [String])
    {
        let root = try YAMLValue.parse(readText(path), file: path).mapping("presets.yaml")
        try root.rejectUnknownFields(["presets", "alternatives", "volatile"])
        let presets = try root.required("presets").mapping("presets")
        var result: [String: YAMLValue] = [:]
        for key in presets.keys {
            // A preset named like a check's field would make `{NAME: VALUE}` mean two things.
            guard !CaseReader.checkFields.contains(key) else {
                throw try presets.required(key).error("a preset may not be named like a check's field '\(key)'")
            }
            result[key] = presets[key]
        }
        var alternatives: [String: YAMLValue] = [:]
        if let named = try root["alternatives"]?.mapping("alternatives") {
            for key in named.keys { alternatives[key] = named[key] }
        }
        return (result, alternatives, try root["volatile"]?.strings("the volatile members") ?? [])
    }

    /// Every case id is unique and every cited requirement exists: one problem per broken reference.
    package func referenceProblems() -> [InputFileError] {
        let known = Set(requirements.map(\.id))
        var problems: [InputFileError] = []
        var seenIDs: [String: ConformanceCase] = [:]
        for testCase in cases {
            if let other = seenIDs[testCase.id] {
                problems.append(
                    InputFileError(
                        file: testCase.file,
                        line: testCase.line,
                        message: "case id '\(testCase.id)' is also used at \(other.file):\(other.line ?? 0)"
                    ))
            }
            seenIDs[testCase.id] = seenIDs[testCase.id] ?? testCase
            var cited: [(id: String, line: Int?)] = []
            for step in testCase.given + testCase.steps { cited += step.requirements.map { ($0, step.line) } }
            cited += testCase.requirements.map { ($0, nil) }
            var reported: Set<String> = []
            for (id, line) in cited where !known.contains(id) && reported.insert(id).inserted {
                problems.append(
                    InputFileError(
                        file: testCase.file,
                        line: line ?? testCase.line,
                        message: "case '\(testCase.id)' cites unknown requirement '\(id)'"
                    ))
            }
        }
        let operations = Set(cases.map(\.operation))
        for mutation in mutations {
            for (site, assignments) in mutation.inert {
                if site != "all", !mutation.sites.contains(site) {
                    problems.append(
                        InputFileError(
                            file: mutation.file, line: mutation.line,
                            message: "switch '\(mutation.name)' is inert at '\(site)', which is not one of its sites"))
                }
                for assignment in assignments where assignment != "variant" {
                    let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, reading(parts[0])?.alternative(parts[1]) != nil else {
                        problems.append(
                            InputFileError(
                                file: mutation.file, line: mutation.line,
                                message: "switch '\(mutation.name)' is inert under '\(assignment)', which is no "
                                    + "NAME=ALTERNATIVE of specs/readings.yaml (nor 'variant')"))
                        continue
                    }
                }
            }
            for site in mutation.sites where !operations.contains(site) {
                problems.append(
                    InputFileError(
                        file: mutation.file, line: mutation.line,
                        message: "switch '\(mutation.name)' names site '\(site)', which is no operation of the catalog")
                )
            }
            for id in mutation.breaks where !known.contains(id) {
                problems.append(
                    InputFileError(
                        file: mutation.file, line: mutation.line,
                        message: "switch '\(mutation.name)' breaks unknown requirement '\(id)'"))
            }
        }
        return problems
    }
}
