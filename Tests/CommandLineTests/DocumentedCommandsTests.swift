import ArgumentParser
import ConformanceCatalog
import Foundation
import Testing

@testable import conformance

extension CommandLineSuite {
    /// What README.md and docs/ tell a user to type, and the counts they quote, match the tool (issue 27): every
    /// command of their shell blocks parses with the options it names, and every count is the catalog's.
    struct DocumentedCommandsTests {
        /// README.md and every Markdown file under docs/.
        private static func documents() throws -> [(name: String, text: String)] {
            let root = Executable.repositoryRoot
            var names = ["README.md"]
            let docs = root.appendingPathComponent("docs")
            for case let file as String in FileManager.default.enumerator(atPath: docs.path) ?? .init()
            where file.hasSuffix(".md") {
                names.append("docs/" + file)
            }
            return try names.sorted().map {
                ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
            }
        }

        /// The `conformance …` command lines of the documents' fenced shell blocks, joined across `\` continuations,
        /// without a trailing `&` or `# comment`.
        static func commands(in text: String) -> [(line: String, comment: String)] {
            var commands: [(String, String)] = []
            var inBlock = false
            var pending = ""
            for raw in text.components(separatedBy: "\n") {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("```") {
                    inBlock.toggle()
                    continue
                }
                guard inBlock else { continue }
                if !pending.isEmpty || line.hasPrefix("conformance ") || line.hasPrefix("swift run ") {
                    if line.hasSuffix("\\") {
                        pending += line.dropLast() + " "
                        continue
                    }
                    let whole = pending + line
                    pending = ""
                    let parts = whole.components(separatedBy: " #")
                    var command = parts[0].trimmingCharacters(in: .whitespaces)
                    if command.hasSuffix("&") {
                        command = String(command.dropLast()).trimmingCharacters(in: .whitespaces)
                    }
                    commands.append((command, parts.dropFirst().joined(separator: " #")))
                }
            }
            return commands
        }

        /// Shell words, with '…' and "…" quoting.
        static func words(_ line: String) -> [String] {
            var words: [String] = []
            var current = ""
            var quote: Character?
            var started = false
            for character in line {
                if let open = quote {
                    if character == open { quote = nil } else { current.append(character) }
                } else if character == "'" || character == "\"" {
                    quote = character
                    started = true
                } else if character == " " {
                    if started || !current.isEmpty { words.append(current) }
                    current = ""
                    started = false
                } else {
                    current.append(character)
                }
            }
            if started || !current.isEmpty { words.append(current) }
            return words
        }

        @Test func everyDocumentedCommandParses() throws {
            var checked = 0
            for document in try Self.documents() {
                for (line, _) in Self.commands(in: document.text) {
                    var arguments = Self.words(line)
                    // `swift run [-c release] conformance ARGS`
                    if arguments.first == "swift" {
                        guard let index = arguments.firstIndex(of: "conformance") else { continue }
                        arguments = Array(arguments[(index + 1)...])
                    } else {
                        arguments.removeFirst()
                    }
                    do {
                        _ = try Conformance.parseAsRoot(arguments)
                        checked += 1
                    } catch {
                        Issue.record(
                            "\(document.name): `\(line)` does not parse: \(Conformance.message(for: error))")
                    }
                }
            }
            // The README's own commands and the docs' examples: far more than a handful.
            #expect(checked >= 10)
        }

        @Test func everyQuotedCountIsTheCatalogs() throws {
            let catalog = try Catalog.load(root: Executable.repositoryRoot.path)
            let total = catalog.cases.count
            let needing = { (agents: Int) in catalog.cases.filter { $0.agentsNeeded == agents }.count }
            var quoted = 0
            for document in try Self.documents() {
                let text = document.text.replacingOccurrences(of: "\n", with: " ")
                // "Of the 100 cases, 66 need one agent, 9 need two and 25 need three."
                for match in text.matches(
                    of: #/Of the (\d+) cases, (\d+) need one agent, (\d+) need two and (\d+) need three/#)
                {
                    quoted += 1
                    #expect(Int(match.output.1) == total, "\(document.name): \(match.output.0)")
                    #expect(Int(match.output.2) == needing(1), "\(document.name): \(match.output.0)")
                    #expect(Int(match.output.3) == needing(2), "\(document.name): \(match.output.0)")
                    #expect(Int(match.output.4) == needing(3), "\(document.name): \(match.output.0)")
                }
                // "# 100 cases: 100 PASS" after a run of the conformant reference server.
                for match in text.matches(of: #/# (\d+) cases: (\d+) PASS/#) {
                    quoted += 1
                    #expect(Int(match.output.1) == total, "\(document.name): \(match.output.0)")
                    #expect(Int(match.output.2) == total, "\(document.name): \(match.output.0)")
                }
                // Any other number of cases is a count that could drift unchecked; an `inline code` example is not one.
                let prose = text.replacing(#/`[^`]*`/#, with: "")
                let checked = prose.matches(of: #/Of the \d+ cases|# \d+ cases:/#).count
                let all = prose.matches(of: #/\b\d{2,} cases\b/#).count
                #expect(all == checked, "\(document.name) quotes a number of cases this test does not check")
            }
            #expect(quoted >= 2)
        }
    }
}
