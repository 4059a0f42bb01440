import ConformanceJSON
import Foundation
import TestSupport
import Testing
import Yams

/// The JSON Schemas of `docs/schemas/`, which editors use to complete and check the files people edit, accept every
/// YAML file of the catalog and the profile examples of the docs, and refuse broken variants of them.
@Suite struct CatalogSchemaTests {
    static func path(_ relative: String) -> String {
        (repositoryRoot as NSString).appendingPathComponent(relative)
    }

    static func schema(_ name: String) throws -> JSONSchemaCheck {
        let data = try #require(FileManager.default.contents(atPath: path("docs/schemas/\(name)")), "\(name)")
        return JSONSchemaCheck(root: try JSONValue(parsing: data))
    }

    /// Every YAML file under specs/ (specs/source/ holds the document) with the schema that checks it.
    static func catalogFiles() throws -> [(file: String, schema: String)] {
        let listed = FileManager.default.enumerator(atPath: path("specs"))?.allObjects as? [String]
        let files = try #require(listed).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("source/") }.sorted()
        return files.map { file in
            // specs/setups.yaml (the named set-ups) has setups.schema.json, and so on; every operation file has one.
            let name = file.hasPrefix("operations/") ? "operation" : String(file.dropLast(".yaml".count))
            return (file: "specs/" + file, schema: "\(name).schema.json")
        }
    }

    /// The ```yaml blocks of docs/profile.md and README.md that are profiles (they have a `baseURL:`).
    static func profileExamples() throws -> [(place: String, yaml: String)] {
        var examples: [(place: String, yaml: String)] = []
        for document in ["docs/profile.md", "README.md"] {
            let text = try String(contentsOfFile: path(document), encoding: .utf8)
            for (index, block) in text.components(separatedBy: "```yaml\n").dropFirst().enumerated() {
                let yaml = block.components(separatedBy: "```").first ?? ""
                if yaml.contains("baseURL:") {
                    examples.append((place: "\(document), yaml block \(index + 1)", yaml: yaml))
                }
            }
        }
        return examples
    }

    /// YAML as the loaders and yaml-language-server read it (YAML 1.2 core): only true and false are booleans, so
    /// `perform: {on: ix}` keeps its key `on`, and nothing becomes a date.
    static func json(yaml text: String) throws -> JSONValue {
        let resolver = try Resolver.default.removing(.timestamp)
            .replacing(.bool, with: "^(?:true|True|TRUE|false|False|FALSE)$")
        return json(try Yams.load(yaml: text, resolver))
    }

    static func json(_ value: Any?) -> JSONValue {
        guard let value, !(value is NSNull) else { return .null }
        switch value {
        // The exact type, so that a number never reads as a boolean where Foundation bridges them.
        case let bool as Bool where type(of: value) == Bool.self: return .bool(bool)
        case let int as Int: return .number(Double(int))
        case let double as Double: return .number(double)
        case let string as String: return .string(string)
        case let elements as [Any]: return .array(elements.map { json($0) })
        case let mapping as [AnyHashable: Any]:
            let members = mapping.map { JSONObject.Member(key: "\($0.key.base)", value: json($0.value)) }
            return .object(JSONObject(members.sorted { $0.key < $1.key }))
        default: return .string("\(value)")
        }
    }

    static func json(file: String) throws -> JSONValue {
        try json(yaml: String(contentsOfFile: path(file), encoding: .utf8))
    }

    /// `value` with `change` applied at `path` (member names and list indices); a missing member is added.
    static func changing(_ value: JSONValue, at path: [String], _ change: (inout JSONValue) -> Void) -> JSONValue {
        guard let first = path.first else {
            var changed = value
            change(&changed)
            return changed
        }
        let rest = Array(path.dropFirst())
        switch value {
        case .object(var object):
            object[first] = changing(object[first] ?? .null, at: rest, change)
            return .object(object)
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return value }
            elements[index] = changing(elements[index], at: rest, change)
            return .array(elements)
        default:
            return value
        }
    }

    @Test func everyCatalogFileValidatesAgainstItsSchema() throws {
        let files = try Self.catalogFiles()
        // requirements, readings, presets, setups, mutations and the operation files.
        #expect(files.count > 5)
        #expect(files.contains { $0.file.hasPrefix("specs/operations/") })
        #expect(files.contains { $0 == (file: "specs/setups.yaml", schema: "setups.schema.json") })
        for (file, name) in files {
            let problems = try Self.schema(name).problems(in: Self.json(file: file))
            #expect(problems == [], "\(file) against docs/schemas/\(name)")
        }
    }

    /// Each file names its schema on its first line, so that yaml-language-server picks it up.
    @Test func everyCatalogFileNamesItsSchema() throws {
        for (file, name) in try Self.catalogFiles() {
            let text = try String(contentsOfFile: Self.path(file), encoding: .utf8)
            let up = file.hasPrefix("specs/operations/") ? "../../" : "../"
            let modeline = "# yaml-language-server: $schema=\(up)docs/schemas/\(name)"
            #expect(text.split(separator: "\n", maxSplits: 1).first.map(String.init) == modeline, "\(file)")
        }
    }

    @Test func theProfileExamplesOfTheDocsValidate() throws {
        let examples = try Self.profileExamples()
        #expect(examples.count >= 2)
        let schema = try Self.schema("profile.schema.json")
        for (place, yaml) in examples {
            #expect(schema.problems(in: try Self.json(yaml: yaml)) == [], "\(place)")
        }
    }

    /// The schemas are not vacuous: each broken variant of a real file gets a problem at the broken spot.
    @Test func brokenVariantsAreRefused() throws {
        let profileSchema = try Self.schema("profile.schema.json")
        let example = try #require(try Self.profileExamples().first)
        let profile = try Self.json(yaml: example.yaml)
        let twoAgents = Self.changing(profile, at: ["agents"]) { $0 = .array(Array(($0.arrayValue ?? []).dropLast())) }
        #expect(profileSchema.problems(in: twoAgents) == ["/agents: 2 items where the schema asks for at least 3"])
        let noAPI = Self.changing(profile, at: ["baseURL"]) { $0 = "http://127.0.0.1:8090/" }
        #expect(
            profileSchema.problems(in: noAPI) == [
                "/baseURL: 'http://127.0.0.1:8090/' does not match ^https?://.+/api/v2/?$"
            ])
        let extraField = Self.changing(profile, at: ["agents", "0", "role"]) { $0 = "supervisor" }
        #expect(profileSchema.problems(in: extraField) == ["/agents/0/role: the schema allows no member 'role' here"])
        let commandWithoutCreate = Self.changing(profile, at: ["fixtures"]) { $0 = ["kind": "command"] }
        #expect(profileSchema.problems(in: commandWithoutCreate).first?.hasPrefix("/fixtures: matches none") == true)

        let requirements = try Self.json(file: "specs/requirements.yaml")
        let misspelled = Self.changing(requirements, at: ["requirements", "0", "level"]) { $0 = "MUSTT" }
        #expect(
            try Self.schema("requirements.schema.json").problems(in: misspelled) == [
                #"/requirements/0/level: "MUSTT" is not one of ["MUST","SHOULD","INFO"]"#
            ])

        let operation = try Self.schema("operation.schema.json")
        let accept = try Self.json(file: "specs/operations/Accept.yaml")
        let unknownField = Self.changing(accept, at: ["cases", "0", "surprise"]) { $0 = true }
        #expect(
            operation.problems(in: unknownField) == ["/cases/0/surprise: the schema allows no member 'surprise' here"])
        let brokenSteps: [(String, (inout JSONValue) -> Void)] = [
            ("an unknown field", { $0 = ["perform": ["as": "agent1"], "expect": "success", "surprise": 1] }),
            ("an unknown preset", { $0 = ["perform": ["as": "agent1"], "expect": "sucess"] }),
            ("an unknown role", { $0 = ["perform": ["as": "agent4"], "expect": "success"] }),
            ("a check of two kinds", { $0 = ["perform": ["as": "agent1"], "expect": ["status": 200, "body": [:]]] }),
            ("a misspelled step", { $0 = ["notifcation": ["agent": "agent1", "match": [:], "requirement": "R"]] }),
            // The language before `alternatives:`, and alternatives out of their place.
            ("a check's readings", { $0 = ["perform": ["as": "agent1"], "expect": [Self.check(["readings": []])]] }),
            ("the preset refused", { $0 = ["perform": ["as": "agent1"], "expect": ["refused": "R"]] }),
            ("a fallback", { $0 = Self.perform(["fallback": ["body": [:], "requirement": "R", "message": "M"]]) }),
            (
                "a check's alternative that sends",
                {
                    let alternative: JSONValue = ["note": "N", "send": ["path": "/x"], "expect": Self.check([:])]
                    $0 = ["perform": ["as": "agent1"], "expect": [Self.check(["alternatives": [alternative]])]]
                }
            ),
            (
                "a check's alternative with observes in its expect",
                {
                    let alternative: JSONValue = ["note": "N", "expect": Self.check(["observes": "a=b"])]
                    $0 = ["perform": ["as": "agent1"], "expect": [Self.check(["alternatives": [alternative]])]]
                }
            ),
            (
                "a step alternative that neither sends nor expects",
                { $0 = Self.perform(["alternatives": [["note": "N"]]]) }
            ),
            ("a step alternative's body outside send", { $0 = Self.perform(["alternatives": [["body": [:]]]]) }),
            ("an unknown named alternative", { $0 = Self.perform(["alternatives": ["endConference"]]) }),
            (
                "a deviation without a message",
                { $0 = Self.perform(["alternatives": [["send": ["body": [:]], "deviation": ["requirement": "R"]]]]) }
            ),
            (
                "a notification's alternative without expect",
                {
                    $0 = [
                        "notification": [
                            "agent": "agent1", "match": [:], "requirement": "R",
                            "alternatives": [["note": "N", "match": [:]]],
                        ]
                    ]
                }
            ),
        ]
        for (label, change) in brokenSteps {
            let broken = Self.changing(accept, at: ["cases", "0", "steps", "0"], change)
            let problems = operation.problems(in: broken)
            #expect(problems.first?.hasPrefix("/cases/0/steps: matches none") == true, "\(label): \(problems)")
        }
        let misspelledAccess = Self.changing(accept, at: ["access"]) { $0 = "standrd" }
        #expect(operation.problems(in: misspelledAccess).first?.hasPrefix("/access: matches none") == true)
        let standardAccess = Self.changing(accept, at: ["access"]) { $0 = "standard" }
        #expect(operation.problems(in: standardAccess) == [])

        let presetsSchema = try Self.schema("presets.schema.json")
        let presets = try Self.json(file: "specs/presets.yaml")
        let presetNamedLikeAField = Self.changing(presets, at: ["presets", "status"]) { $0 = ["success"] }
        #expect(
            presetsSchema.problems(in: presetNamedLikeAField) == [#"/presets/status: ["success"] is not one of []"#])
        let namedAlternativeByName = Self.changing(presets, at: ["alternatives", "again"]) {
            $0 = "endConferenceAsLeaveConference"
        }
        #expect(
            presetsSchema.problems(in: namedAlternativeByName) == [
                "/alternatives/again: string where the schema asks for object"
            ])

        let setups = try Self.json(file: "specs/setups.yaml")
        var oldKey = try #require(setups.objectValue)
        oldKey["fixtures"] = oldKey["setups"]
        oldKey["setups"] = nil
        #expect(
            try Self.schema("setups.schema.json").problems(in: .object(oldKey)) == [
                ": the required member 'setups' is missing",
                "/fixtures: the schema allows no member 'fixtures' here",
            ])
    }

    /// `base`, an object, with the members of `fields` added (or replaced).
    static func adding(_ fields: JSONValue, to base: JSONValue) -> JSONValue {
        guard case .object(var object) = base else { return base }
        for member in fields.objectValue ?? JSONObject() { object[member.key] = member.value }
        return .object(object)
    }

    /// The check `{status: 200, requirement: R}` with `fields` added.
    static func check(_ fields: JSONValue) -> JSONValue { adding(fields, to: ["status": 200, "requirement": "R"]) }

    /// The step `perform: {as: agent1}` expecting `success`, with `fields` added.
    static func perform(_ fields: JSONValue) -> JSONValue {
        adding(fields, to: ["perform": ["as": "agent1"], "expect": "success"])
    }

    /// The check's own keywords: anyOf, oneOf, minItems and a list of types, and a keyword it does not implement is
    /// a problem even in an alternative the document does not take.
    @Test func theCheckReadsCombinationsAndRefusesUnknownKeywords() throws {
        let schema = JSONSchemaCheck(root: [
            "type": ["array", "null"], "minItems": 1,
            "items": ["oneOf": [["type": "integer"], ["type": "number", "minimum": 0]]],
        ])
        #expect(schema.problems(in: nil) == [])
        #expect(schema.problems(in: [-1, 2.5]) == [])
        #expect(schema.problems(in: "x") == [": string where the schema asks for array or null"])
        #expect(schema.problems(in: []) == [": 0 items where the schema asks for at least 1"])
        #expect(schema.problems(in: [1]) == ["/0: matches 2 of the oneOf alternatives, where exactly one must match"])
        #expect(
            schema.problems(in: ["x"]) == [
                "/0: matches none of the 2 oneOf alternatives; the closest fails with: "
                    + "/0: string where the schema asks for integer"
            ])
        let unimplemented = JSONSchemaCheck(root: ["anyOf": [["type": "string"], ["not": ["type": "string"]]]])
        #expect(
            unimplemented.problems(in: "x") == ["#/anyOf/1: the schema uses 'not', which this check does not implement"]
        )
    }
}
