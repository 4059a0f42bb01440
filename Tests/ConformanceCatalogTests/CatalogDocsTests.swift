import ConformanceJSON
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog

/// docs/catalog.md documents the whole catalog language: every key the reader accepts, every fixed value, every
/// load-time macro and every matcher. They are taken from the reader's own source, so a key added to the reader
/// fails this test until it is documented.
@Suite struct CatalogDocsTests {
    /// What the catalog's readers accept, as their source says it.
    struct Language {
        /// Each key, with the first reader file that accepts it.
        var keys: [String: String] = [:]
        /// Each fixed value a key takes (`deadline: notification`), as `key: value`, with its reader file.
        var values: [String: String] = [:]
        /// The load-time macros (`<OPERATION>`), with their reader file.
        var macros: [String: String] = [:]
        /// Each matcher (`$any`, `$regex:`, `$strict`, `$$`), with the file that reads it.
        var matchers: [String: String] = [:]
    }

    /// The readers of the catalog's files: every source of ConformanceCatalog but the readers of the target
    /// profile (docs/profile.md documents it) and of the baseline (docs/diff.md).
    static let documentedElsewhere = ["TargetProfile", "Baseline"]

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: (repositoryRoot as NSString).appendingPathComponent(relative), encoding: .utf8)
    }

    /// The capture groups of every match of `pattern` in `text`.
    static func groups(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: whole).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// The string literals of each argument list of `call(` in `text`, up to its closing parenthesis.
    static func literals(inCallsOf call: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: call + "(") {
            var depth = 1
            var index = start.upperBound
            while index < rest.endIndex, depth > 0 {
                if rest[index] == "(" { depth += 1 }
                if rest[index] == ")" { depth -= 1 }
                index = rest.index(after: index)
            }
            found += groups(#""([A-Za-z]+)""#, in: String(rest[start.upperBound..<index])).map { $0[0] }
            rest = rest[index...]
        }
        return found
    }

    /// The language the sources accept: keys from `rejectUnknownFields(...)`, `for key in [...]`,
    /// `.keyword("key", "value", ...)`, `required("key")`, `fields["key"]` and `.key == "key"`; values from
    /// `.keyword` and `.string("key") == "value"`; macros from `static let ... = "<NAME>"`.
    static func language(sources: [(file: String, text: String)]) -> Language {
        var language = Language()
        for (file, text) in sources {
            var keys = literals(inCallsOf: "rejectUnknownFields", in: text)
            for list in groups(#"for key in \[([^\]]*)\]"#, in: text) {
                keys += groups(#""([A-Za-z]+)""#, in: list[0]).map { $0[0] }
            }
            keys += groups(#"required\("([A-Za-z]+)"\)"#, in: text).map { $0[0] }
            keys += groups(#"\w\??\["([A-Za-z]+)"\]"#, in: text).map { $0[0] }
            keys += groups(#"\.key == "([A-Za-z]+)""#, in: text).map { $0[0] }
            var values = groups(#"\.string\("([A-Za-z]+)"\) == "([A-Za-z]+)""#, in: text)
            for keyword in groups(#"\.keyword\(\s*"([A-Za-z]+)",\s*"([A-Za-z]+)""#, in: text) {
                keys.append(keyword[0])
                values.append(keyword)
            }
            // `access: standard`: AccessCases reads the scalar itself (`word == "standard"`).
            if text.contains(#"word == "standard""#) { values.append(["access", "standard"]) }
            for key in keys where language.keys[key] == nil { language.keys[key] = file }
            for value in values where language.values["\(value[0]): \(value[1])"] == nil {
                language.values["\(value[0]): \(value[1])"] = file
            }
            for macro in groups(#"static let \w+ = "(<[A-Z]+>)""#, in: text) where language.macros[macro[0]] == nil {
                language.macros[macro[0]] = file
            }
        }
        return language
    }

    /// The matchers `JSONPattern(reading:)` reads: `"$name"` literals (object matchers, `$$`), `body == "name"`,
    /// `body.hasPrefix("name:")`, and a type matcher per `JSONTypeConstraint`.
    static func matchers(source: String, file: String) -> [String: String] {
        var names = groups(#""(\$[A-Za-z$]+)""#, in: source).map { $0[0] }
        names += groups(#"body == "([A-Za-z]+)""#, in: source).map { "$" + $0[0] }
        names += groups(#"body\.hasPrefix\("([A-Za-z]+:)"\)"#, in: source).map { "$" + $0[0] }
        names += JSONTypeConstraint.allCases.map { "$" + $0.rawValue }
        return Dictionary(names.map { ($0, file) }) { first, _ in first }
    }

    static func catalogLanguage() throws -> Language {
        let directory = "Sources/ConformanceCatalog"
        let files = try FileManager.default.contentsOfDirectory(
            atPath: (repositoryRoot as NSString).appendingPathComponent(directory)
        )
        .filter { file in file.hasSuffix(".swift") && !documentedElsewhere.contains { file.hasPrefix($0) } }.sorted()
        var language = language(sources: try files.map { ("\(directory)/\($0)", try read("\(directory)/\($0)")) })
        for key in CaseReader.checkFields where language.keys[key] == nil {
            language.keys[key] = "\(directory)/CaseReader+Checks.swift"
        }
        let reading = "Sources/ConformanceJSON/JSONPattern+Reading.swift"
        language.matchers = matchers(source: try read(reading), file: reading)
        return language
    }

    /// Where a Markdown document writes code: its inline code spans outside fenced blocks, and the lines of its
    /// ```yaml blocks.
    struct CodeSpots {
        var spans: [String] = []
        var yamlLines: [String] = []

        init(markdown: String) {
            var fence: String?
            for line in markdown.components(separatedBy: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("```") {
                    fence = fence == nil ? String(trimmed.dropFirst(3)) : nil
                    continue
                }
                if let fence {
                    if fence == "yaml" { yamlLines.append(line) }
                } else {
                    spans += CatalogDocsTests.groups("`([^`]+)`", in: line).map { $0[0] }
                }
            }
        }

        /// `` `key` ``, `` `key:` ``, `` `key: VALUE` `` or `` `{key: VALUE}` ``, or `key:` as a mapping key in a
        /// yaml block.
        func documents(key: String) -> Bool {
            let escaped = NSRegularExpression.escapedPattern(for: key)
            return spans.contains { $0 == key || $0.hasPrefix(key + ":") || $0.hasPrefix("{" + key + ":") }
                || yamlLines.contains {
                    !CatalogDocsTests.groups(#"(^|[\s{,\[-])"# + escaped + #":(\s|$)"#, in: $0).isEmpty
                }
        }

        /// `key: value` in a code span or a yaml line.
        func documents(value: String) -> Bool {
            (spans + yamlLines).contains { $0.contains(value) }
        }

        /// The name in a code span or a yaml line, not as the start of a longer word (`$not` is not `$nothing`).
        func mentions(_ name: String) -> Bool {
            let escaped = NSRegularExpression.escapedPattern(for: name)
            // `$not` is not `$nothing`; `$regex:` and `$$` go on with the text they hold.
            let end = name.last.map { $0.isLetter || $0.isNumber } == true ? #"(?![A-Za-z0-9_])"# : ""
            return (spans + yamlLines).contains { !CatalogDocsTests.groups("(" + escaped + ")" + end, in: $0).isEmpty }
        }
    }

    /// One line per part of the language `markdown` leaves undocumented, naming it and where the reader takes it.
    static func undocumented(_ language: Language, in markdown: String) -> [String] {
        let spots = CodeSpots(markdown: markdown)
        var problems: [String] = []
        for (key, file) in language.keys.sorted(by: { $0.key < $1.key }) where !spots.documents(key: key) {
            problems.append(
                "the key '\(key)' (accepted by \(file)) is not documented: write it in backquotes (`\(key)`, "
                    + "`\(key): ...`) or as `\(key):` in a ```yaml block")
        }
        for (value, file) in language.values.sorted(by: { $0.key < $1.key }) where !spots.documents(value: value) {
            problems.append("the value '\(value)' (accepted by \(file)) is not documented: write `\(value)`")
        }
        for (macro, file) in language.macros.sorted(by: { $0.key < $1.key }) where !spots.mentions(macro) {
            problems.append("the load-time macro '\(macro)' (replaced by \(file)) is not documented")
        }
        for (matcher, file) in language.matchers.sorted(by: { $0.key < $1.key }) where !spots.mentions(matcher) {
            problems.append("the matcher '\(matcher)' (read by \(file)) is not documented")
        }
        if !spots.spans.contains(where: { !groups(#"^"?\$capture:\w+:\w+"?$"#, in: $0).isEmpty }) {
            problems.append("the typed capture (\"$capture:name:type\") is not documented")
        }
        return problems
    }

    @Test func catalogMdDocumentsEveryKeyAndMatcher() throws {
        let problems = Self.undocumented(try Self.catalogLanguage(), in: try Self.read("docs/catalog.md"))
        for problem in problems { Issue.record("docs/catalog.md: \(problem)") }
    }

    /// The extraction finds the language, so an empty result cannot pass the test above.
    @Test func theLanguageIsReadFromTheReader() throws {
        let language = try Self.catalogLanguage()
        let keys = [
            "operation", "access", "cases", "id", "title", "requirements", "given", "steps", "createInteraction",
            "request", "perform", "notification", "noNotification", "expect", "capture", "retry", "observes",
            "alternatives", "deadline", "send", "deviation", "note", "message", "rawBody", "password", "since",
            "allBut", "unknownId", "wrongPassword", "setups", "parameters", "presets", "volatile", "refused",
            "excludesSecretsOf", "emptyBody", "golden", "status", "body", "path", "match", "agent", "breaks", "inert",
            "observedBy", "quote", "erratum", "paraphrase",
        ]
        #expect(keys.filter { language.keys[$0] == nil } == [])
        #expect(language.keys["baseURL"] == nil, "the profile's keys are docs/profile.md's")
        let values = ["deadline: notification", "since: step", "wrongPassword: case", "password: wrong"]
        #expect(values.filter { language.values[$0] == nil } == [])
        #expect(language.values["access: standard"] != nil)
        #expect(Set(language.macros.keys) == ["<OPERATION>", "<ARG>"])
        let matchers = [
            "$any", "$absent", "$string", "$integer", "$null", "$object", "$array", "$regex:", "$capture:", "$$",
            "$strict", "$unordered", "$contains", "$oneOf", "$allOf", "$anywhere", "$not", "$mentions",
        ]
        #expect(matchers.filter { language.matchers[$0] == nil } == [])
        for matcher in language.matchers.keys where matcher.hasSuffix(":") {
            // A prefix matcher reads with something after it.
            #expect((try? JSONPattern(reading: .string(matcher + "x"))) != nil, "\(matcher)")
        }
    }

    /// The check is not vacuous: a document without one key, value or matcher gets a problem naming it.
    @Test func aMissingKeyIsNamed() throws {
        let language = try Self.catalogLanguage()
        let text = try Self.read("docs/catalog.md")
        #expect(Self.undocumented(language, in: text) == [])
        let withoutRetry = text.replacingOccurrences(of: "`retry: N`", with: "retrying")
            .replacingOccurrences(of: "`retry`", with: "retrying")
            .replacingOccurrences(of: "retry: 3", with: "retrying")
        #expect(
            Self.undocumented(language, in: withoutRetry) == [
                "the key 'retry' (accepted by Sources/ConformanceCatalog/CaseReader.swift) is not documented: write it "
                    + "in backquotes (`retry`, `retry: ...`) or as `retry:` in a ```yaml block"
            ])
        let withoutAllOf = text.replacingOccurrences(of: "$allOf", with: "all of")
        #expect(
            Self.undocumented(language, in: withoutAllOf) == [
                "the matcher '$allOf' (read by Sources/ConformanceJSON/JSONPattern+Reading.swift) is not documented"
            ])
        // A key a reader starts to accept is found in its source, and is undocumented until the document names it.
        let newReader = Self.language(sources: [
            ("New.swift", "try fields.rejectUnknownFields(\n    [\"retry\", \"surprise\"] + (flag ? [\"more\"] : []))")
        ])
        #expect(newReader.keys == ["retry": "New.swift", "surprise": "New.swift", "more": "New.swift"])
        #expect(Self.undocumented(newReader, in: text).count == 2)
        // A key in prose, or inside another word, does not count.
        let spots = CodeSpots(markdown: "retry: 3 times, `retryAfter`, `{noretry: 3}`\n```yaml\nnoretry: 3\n```\n")
        #expect(!spots.documents(key: "retry"))
        #expect(CodeSpots(markdown: "`{retry: 3}`").documents(key: "retry"))
    }

    /// Every preset, named alternative and set-up of specs/ is named in docs/catalog.md's code.
    @Test func catalogMdNamesEveryPresetAlternativeAndSetUp() throws {
        let presets = try Catalog.loadPresets((repositoryRoot as NSString).appendingPathComponent("specs/presets.yaml"))
        let setups = try CatalogShorthands.load(
            (repositoryRoot as NSString).appendingPathComponent("specs/setups.yaml"))
        let spots = CodeSpots(markdown: try Self.read("docs/catalog.md"))
        let names = presets.presets.keys.sorted() + presets.alternatives.keys.sorted() + setups.setups.keys.sorted()
        #expect(names.count > 10)
        for name in names where !spots.mentions(name) {
            Issue.record("docs/catalog.md does not name '\(name)' of specs/presets.yaml or specs/setups.yaml")
        }
    }
}
