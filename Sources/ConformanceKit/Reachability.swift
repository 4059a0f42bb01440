import ConformanceReport
import Foundation
import NIOCore
import NIOPosix

/// Whether anything listens at the target's address, judged by what the network says, not by a timer: one TCP
/// connect, closed at once, with no HTTP exchange. A refused connect or an unknown host fails as soon as the
/// network reports it, however busy the machine is; only a connect that nobody refuses waits for `timeout`.
///
/// A target that accepts the connection but never answers is reachable: its cases say that it did not answer,
/// and the circuit breaker stops the run after a few such exchanges.
package enum Reachability {
    /// Why the address cannot be reached.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// The host and port a URL's connections go to (80 for http and 443 for https by default).
    package static func endpoint(of url: String) -> (host: String, port: Int)? {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            return nil
        }
        let scheme = components.scheme?.lowercased()
        guard let port = components.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil) else {
            return nil
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return (bare, port)
    }

    /// Opens and closes one TCP connection to the URL's host and port.
    package static func check(_ url: String, timeout: Duration) async throws(Failure) {
        guard let (host, port) = endpoint(of: url) else {
            throw Failure(description: "\(url) is not an http:// or https:// URL with a host")
        }
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(max(1, DurationText.milliseconds(timeout)))))
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            try? await channel.close()
        } catch {
            throw Failure(description: describe(error, host: host, port: port, timeout: timeout))
        }
    }

    /// Words a connect failure for the user: what happened at which address.
    package static func describe(_ error: any Error, host: String, port: Int, timeout: Duration) -> String {
        let address = "\(host):\(port)"
        if let connection = error as? NIOConnectionError {
            if connection.dnsAAAAError != nil || connection.dnsAError != nil, connection.connectionErrors.isEmpty {
                return "the host name \(host) could not be resolved"
            }
            if let first = connection.connectionErrors.first {
                return describe(first.error, host: host, port: port, timeout: timeout)
            }
        }
        if case .connectTimeout = error as? ChannelError {
            return "nothing answered the connection to \(address) within \(DurationText.milliseconds(timeout)) ms"
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused at \(address) (nothing listens there)"
            case ENETUNREACH, EHOSTUNREACH: return "no route to \(address)"
            case ECONNRESET: return "the connection to \(address) was reset"
            default: return "cannot connect to \(address): \(io.description)"
            }
        }
        return "cannot connect to \(address): \(error)"
    }
}
