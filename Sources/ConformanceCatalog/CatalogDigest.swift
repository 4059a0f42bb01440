import Crypto
import Foundation

/// The SHA-256 digest of a catalog: every file under `specs/` and `golden/`, in path order, as
/// `path NUL bytes NUL`, so two reports with the same digest were judged by the same catalog.
package enum CatalogDigest {
    package static func sha256(root: String) -> String {
        var hasher = SHA256()
        for directory in ["specs", "golden"] {
            let base = (root as NSString).appendingPathComponent(directory)
            let files = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).sorted()
            for file in files {
                let path = (base as NSString).appendingPathComponent(file)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: path)
                else { continue }
                hasher.update(data: Data((directory + "/" + file).utf8) + [0])
                hasher.update(data: data + [0])
            }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
