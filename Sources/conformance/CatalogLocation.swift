import BundledCatalog
import Foundation

/// Finds the catalog (the directory holding `specs/` and `golden/`) when `--catalog` is not given: a checkout
/// the current directory is in (so that an edited catalog is used as it stands), else the catalog built into the
/// binary.
enum CatalogLocation {
    static func resolve(_ option: String?) throws(CommandFailure) -> String {
        if let option { return option }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("specs/requirements.yaml").path)
            {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        do {
            return try BundledCatalog.directory()
        } catch {
            throw .usage(
                "the built-in catalog cannot be written to \(FileManager.default.temporaryDirectory.path) "
                    + "(\(error.localizedDescription)); set TMPDIR to a writable directory, or give --catalog DIR "
                    + "(the directory above specs/ and golden/)")
        }
    }
}
