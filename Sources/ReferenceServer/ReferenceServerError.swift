import NIOCore

/// Why a reference server could not run.
public struct ReferenceServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension ReferenceServerError {
    /// Why the server could not listen on `host:port`, in words a user can act on; nil for any other failure.
    public static func listenProblem(_ error: any Error, host: String, port: Int) -> String? {
        guard let io = error as? IOError else { return nil }
        switch io.errnoCode {
        case 98, 48:  // EADDRINUSE on Linux and Darwin
            return "port \(port) on \(host) is already in use: stop what listens there, or pick another port with "
                + "--port (0 picks a free one)"
        case 13:  // EACCES
            return
                "port \(port) on \(host) needs privileges this user does not have: pick a port above 1023 with --port"
        case 99, 49:  // EADDRNOTAVAIL
            return "\(host) is not an address of this machine: use --host 127.0.0.1, or one of this machine's addresses"
        default:
            return nil
        }
    }
}
