import ConformanceCatalog
import ConformanceKit
import Foundation

extension TargetProfile {
    /// The profile at `path`, for a command: any problem of the file exits 2 with `target profile: FILE:LINE: …`.
    static func loadForCommand(_ path: String) throws(CommandFailure) -> TargetProfile {
        do {
            return try TargetProfile.load(path: path)
        } catch {
            throw .usage("target profile: \(error)")
        }
    }

    /// The profile's TLS and proxy settings, checked before anything is sent (a file that holds no certificate
    /// exits 2); says on standard error when certificates will not be checked.
    func checkedTransport() throws -> TransportSettings {
        let settings: TransportSettings
        do {
            settings = try Transports(self).api
        } catch {
            throw CommandFailure("target profile: \(error)", code: ExitStatus.usage)
        }
        for warning in warnings ?? [] { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        return settings
    }
}
