import Foundation
import Testing

/// Package.swift declares what each module links, and each module imports what it declares: no module links a
/// library it does not use (the report commands must not link NIO for a console printer), and none leans on a
/// module it reaches only through another.
@Suite struct PackageManifestTests {
    /// A target as Package.swift declares it.
    struct Target {
        var name: String
        var directory: String
        var dependencies: [String]
    }

    static func targets() throws -> [Target] {
        let manifest = try String(
            contentsOf: Executable.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [Target] = []
        for kind in [".target(", ".testTarget(", ".executableTarget("] {
            var rest = manifest[...]
            while let start = rest.range(of: kind) {
                let block = Self.balanced(rest[start.upperBound...], open: "(", close: ")")
                rest = rest[start.upperBound...]
                guard let name = Self.firstString(after: "name:", in: block) else { continue }
                let directory =
                    Self.firstString(after: "path:", in: block)
                    ?? (kind == ".testTarget(" ? "Tests/" : "Sources/") + name
                var dependencies: [String] = []
                if let list = block.range(of: "dependencies:") {
                    let items = Self.balanced(
                        block[list.upperBound...].drop { $0 != "[" }.dropFirst(), open: "[", close: "]")
                    // `.product(name: "X", package: "p")` links module X; a bare "Y" is a target of this package.
                    let modules = items.replacing(/package: "[^"]*"/, with: "")
                    dependencies = Self.strings(in: modules[...])
                }
                targets.append(Target(name: name, directory: directory, dependencies: dependencies))
            }
        }
        return targets
    }

    /// The modules the Swift files under `directory` import.
    static func imports(under directory: String) throws -> Set<String> {
        let root = Executable.repositoryRoot.appendingPathComponent(directory)
        var modules: Set<String> = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "package"].contains($0) })
                else { continue }
                // `import class Bayeux.CookieJars` imports Bayeux.
                let named = words[(index + 1)...].first { !["class", "struct", "enum", "func"].contains($0) } ?? ""
                modules.insert(String(named.split(separator: ".")[0]))
            }
        }
        return modules
    }

    @Test func everyModuleUsesEveryLibraryItLinks() throws {
        let targets = try Self.targets()
        #expect(targets.count >= 20, "the manifest reads as \(targets.map(\.name))")
        for target in targets {
            let imported = try Self.imports(under: target.directory)
            let unused = target.dependencies.filter { !imported.contains($0) }
            #expect(unused.isEmpty, "\(target.name) links \(unused) but imports none of them")
        }
    }

    @Test func everyModuleOfThePackageAModuleImportsIsADeclaredDependency() throws {
        let targets = try Self.targets()
        let local = Set(targets.map(\.name))
        for target in targets {
            let undeclared = try Self.imports(under: target.directory).filter {
                local.contains($0) && $0 != target.name && !target.dependencies.contains($0)
            }
            #expect(undeclared.isEmpty, "\(target.name) imports \(undeclared.sorted()) without declaring them")
        }
    }

    /// Only the explorer (and what runs it) links the model of the document.
    @Test func onlyTheExplorerLinksTheModel() throws {
        let linking = try Self.targets().filter { $0.dependencies.contains("ConformanceModel") }.map(\.name)
        #expect(Set(linking) == ["ConformanceExplore", "ConformanceExploreTests", "ConformanceModelTests"])
    }

    /// The text after `open` up to its matching `close`.
    static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        var depth = 1
        var inString = false
        for index in text.indices {
            let character = text[index]
            if character == "\"" { inString.toggle() }
            guard !inString else { continue }
            if character == open { depth += 1 }
            if character == close {
                depth -= 1
                if depth == 0 { return text[..<index] }
            }
        }
        return text
    }

    static func strings(in text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    static func firstString(after label: String, in text: Substring) -> String? {
        guard let range = text.range(of: label) else { return nil }
        return strings(in: text[range.upperBound...]).first
    }
}
