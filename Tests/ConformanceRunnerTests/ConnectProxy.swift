import Foundation
import NIOCore
import NIOPosix

/// A forwarding proxy for tests, as a corporate proxy is to the suite: it takes `CONNECT host:port` (what
/// AsyncHTTPClient sends for every proxied connection) and relays bytes both ways. It counts the tunnels it opened,
/// by destination.
struct ConnectProxy: Sendable {
    /// `http://127.0.0.1:PORT`.
    let url: String
    let tunnels: TunnelLog

    /// The listening socket has no port.
    struct NoPort: Error {}
}

/// The destinations of the tunnels a proxy opened.
final class TunnelLog: @unchecked Sendable {
    private let lock = NSLock()
    private var destinations: [String] = []

    var all: [String] { lock.withLock { destinations } }

    func add(_ destination: String) {
        lock.withLock { destinations.append(destination) }
    }
}

/// Starts a proxy on an ephemeral loopback port, runs `body` with it, and closes it and its tunnels.
func withConnectProxy<T>(_ body: (ConnectProxy) async throws -> T) async throws -> T {
    // One event loop: a tunnel's two channels share it, so the glue needs no hops.
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let tunnels = TunnelLog()
    let channel: any Channel
    do {
        channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectHandler(tunnels: tunnels))
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
        guard let port = channel.localAddress?.port else { throw ConnectProxy.NoPort() }
        result = .success(try await body(ConnectProxy(url: "http://127.0.0.1:\(port)", tunnels: tunnels)))
    } catch {
        result = .failure(error)
    }
    try? await channel.close().get()
    try? await group.shutdownGracefully()
    return try result.get()
}

/// Reads one `CONNECT` request head, connects to its destination, answers 200 and glues the two channels.
private final class ConnectHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let tunnels: TunnelLog
    private var head = ByteBuffer()
    private var connecting = false

    init(tunnels: TunnelLog) {
        self.tunnels = tunnels
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        head.writeBuffer(&bytes)
        guard !connecting, let text = head.getString(at: head.readerIndex, length: head.readableBytes),
            let end = text.range(of: "\r\n\r\n")
        else { return }
        connecting = true
        let parts = text[..<end.lowerBound].split(separator: "\r\n").first?.split(separator: " ") ?? []
        guard parts.count == 3, parts[0] == "CONNECT", let colon = parts[1].lastIndex(of: ":"),
            let port = Int(parts[1][parts[1].index(after: colon)...])
        else {
            respond(context, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            context.close(promise: nil)
            return
        }
        let host = String(parts[1][..<colon])
        tunnels.add("\(host):\(port)")
        let client = context.channel
        let loop = context.eventLoop
        ClientBootstrap(group: loop).connect(host: host, port: port).assumeIsolated().whenComplete { result in
            switch result {
            case .success(let server):
                let (near, far) = GlueHandler.matchedPair()
                do {
                    try client.pipeline.syncOperations.addHandler(near)
                    try server.pipeline.syncOperations.addHandler(far)
                    let response = ByteBuffer(string: "HTTP/1.1 200 Connection Established\r\n\r\n")
                    client.writeAndFlush(response, promise: nil)
                    _ = try client.pipeline.syncOperations.removeHandler(self)
                } catch {
                    client.close(promise: nil)
                    server.close(promise: nil)
                }
            case .failure:
                let refusal = "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                client.writeAndFlush(ByteBuffer(string: refusal)).assumeIsolated().whenComplete { _ in
                    client.close(promise: nil)
                }
            }
        }
    }

    private func respond(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }
}

/// Relays what one channel reads to its partner's channel, and closes the partner when it closes.
private final class GlueHandler: ChannelDuplexHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private var partner: GlueHandler?
    private var context: ChannelHandlerContext?

    static func matchedPair() -> (GlueHandler, GlueHandler) {
        let first = GlueHandler()
        let second = GlueHandler()
        first.partner = second
        second.partner = first
        return (first, second)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner?.context?.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        partner?.context?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.context?.close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
