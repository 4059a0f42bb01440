import ArgumentParser
import BundledCatalog
import ConformanceCatalog
import Foundation

/// `--catalog DIR`, shared by every command that reads the catalog.
struct CatalogOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Directory holding specs/ and golden/ (default: found from the current directory, else the built-in one)."
    )
    var catalog: String?

    /// The catalog directory: `--catalog`, or found from the current directory, else the built-in catalog.
    func root() throws(CommandFailure) -> String { try CatalogLocation.resolve(catalog) }

    /// The catalog directory for a command that writes to it (`record`, `lint --fix`): never the built-in copy.
    func writableRoot(for command: String) throws(CommandFailure) -> String {
        let root = try root()
        guard BundledCatalog.isExtracted(root) else { return root }
        throw .usage(
            "\(command) writes to the catalog, and the one built into this binary is read-only: run it inside a "
                + "checkout of the suite, or give --catalog DIR (the directory above specs/ and golden/)")
    }

    func validate() throws {
        guard let catalog else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: catalog, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--catalog '\(catalog)' is not a directory")
        }
        let requirements = (catalog as NSString).appendingPathComponent("specs/requirements.yaml")
        guard FileManager.default.fileExists(atPath: requirements) else {
            throw ValidationError(
                "--catalog '\(catalog)' has no specs/requirements.yaml; name the directory above specs/")
        }
    }

    /// Loads the catalog; every problem of every file, as an exit-2 failure.
    func load() throws(CommandFailure) -> Catalog {
        do {
            return try Catalog.load(root: root())
        } catch {
            throw .usage("catalog: \(error)")
        }
    }
}
