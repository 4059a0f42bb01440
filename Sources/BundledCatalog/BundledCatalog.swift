import Foundation

/// The catalog the binary was built with (specs/ and golden/, embedded by the EmbedCatalog plugin), so that the
/// `conformance` binary works from any directory, without the checkout it was built from.
public enum BundledCatalog {
    /// The embedded files, by path relative to the catalog root (`specs/requirements.yaml`).
    public static var files: [(path: String, contents: Data)] {
        encodedFiles.compactMap { entry in Data(base64Encoded: entry.base64).map { (entry.path, $0) } }
    }

    /// How the extracted copies are named in the temporary directory.
    private static let prefix = "gws-conformance-catalog-"

    /// Whether `path` is an extracted copy of the built-in catalog (read-only: a rebuilt binary never reads it).
    public static func isExtracted(_ path: String) -> Bool {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.lastPathComponent.hasPrefix(prefix)
            && url.deletingLastPathComponent().path == FileManager.default.temporaryDirectory.standardizedFileURL.path
    }

    /// One embedded file, by its path (`docs/schemas/profile.schema.json`).
    public static func file(_ path: String) -> Data? {
        encodedFiles.first { $0.path == path }.flatMap { Data(base64Encoded: $0.base64) }
    }

    /// A directory holding the embedded catalog, written once per content: `TMPDIR/gws-conformance-catalog-KEY`,
    /// where KEY changes with the files, so that a rebuilt binary never reads an older copy.
    public static func directory() throws -> String {
        let files = files
        var hasher = FNV1a()
        for (path, contents) in files {
            hasher.add(Data(path.utf8))
            hasher.add(contents)
        }
        let base = FileManager.default.temporaryDirectory
        let target = base.appendingPathComponent(prefix + hasher.hex)
        if FileManager.default.fileExists(atPath: target.appendingPathComponent("specs/requirements.yaml").path) {
            return target.path
        }
        // Written beside, then renamed into place: a reader never sees half a catalog.
        let staging = base.appendingPathComponent(prefix + UUID().uuidString)
        for (path, contents) in files {
            let file = staging.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file)
        }
        do {
            try FileManager.default.moveItem(at: staging, to: target)
        } catch {
            // Another process put the same catalog there first.
            try? FileManager.default.removeItem(at: staging)
            guard FileManager.default.fileExists(atPath: target.appendingPathComponent("specs/requirements.yaml").path)
            else { throw error }
        }
        return target.path
    }
}

/// A 64-bit FNV-1a hash: names the extracted copy by content (not a security digest).
struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        state ^= 0xff
        state = state &* 0x100_0000_01b3
    }

    var hex: String { String(state, radix: 16) }
}
