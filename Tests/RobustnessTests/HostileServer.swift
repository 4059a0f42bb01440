import NIOCore
import NIOHTTP1
import NIOPosix

/// A running hostile target on an ephemeral loopback port.
struct HostileServer: Sendable {
    let mode: HostileMode
    let scope: HostileScope
    /// `http://127.0.0.1:PORT`.
    let root: String
    /// What the huge modes have streamed so far.
    let streamed: StreamedBytes

    /// The REST base a profile names, `.../api/v2`.
    var baseURL: String { root + "/api/v2" }
    var fixturesURL: String { root + "/fixtures" }

    /// The listening socket has no port.
    struct NoPort: Error {}
}

/// Starts a hostile target in `mode` (breaking the REST endpoints, or with `scope` the notification endpoint),
/// runs `body` with it, and closes it (its connections and scheduled writes with it) however `body` ends.
func withHostileServer<T>(
    _ mode: HostileMode,
    scope: HostileScope = .rest,
    _ body: (HostileServer) async throws -> T
) async throws -> T {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let streamed = StreamedBytes()
    let channel: any Channel
    do {
        channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        HostileHandler(mode: mode, scope: scope, streamed: streamed))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    } catch {
        try? await group.shutdownGracefully()
        throw error
    }
    let result: Result<T, any Error>
    do {
        guard let port = channel.localAddress?.port else { throw HostileServer.NoPort() }
        let server = HostileServer(mode: mode, scope: scope, root: "http://127.0.0.1:\(port)", streamed: streamed)
        result = .success(try await body(server))
    } catch {
        result = .failure(error)
    }
    try? await channel.close().get()
    // Shutting the loop down closes the accepted connections too, held ones included.
    try? await group.shutdownGracefully()
    return try result.get()
}
