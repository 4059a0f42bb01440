import ConformanceKit
import Foundation

/// Finds the catalog (the directory holding `specs/` and `golden/`) when `--catalog` is not given.
enum CatalogLocation {
    static func resolve(_ option: String?) -> String {
        if let option { return option }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("specs/requirements.yaml").path)
            {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        // Built from a checkout: the catalog sits beside Sources/.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
}
