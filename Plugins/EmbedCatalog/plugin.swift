import Foundation
import PackagePlugin

/// Embeds the catalog (every file under specs/ and golden/, and the JSON Schemas of docs/schemas/) in the target it is applied to, as the generated
/// source `BundledCatalogFiles.swift`, so that the `conformance` binary runs without the checkout it was built
/// from. Every catalog file is an input: changing one regenerates the source on the next build.
@main
struct EmbedCatalog: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var files: [URL] = []
        for folder in ["specs", "golden", "docs/schemas"] {
            let directory = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let file as URL in walker
            where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(file)
            }
        }
        files.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BundledCatalogFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the catalog (\(files.count) files of specs/ and golden/)",
                executable: try context.tool(named: "CatalogEmbedder").url,
                arguments: [output.path, root.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
