import ConformanceJSON
import NIOCore
import NIOHTTP1

/// Serves one connection of the hostile target: working fixtures, a working (or stalling) Bayeux endpoint, and
/// `/api/v2/...` answered the way its mode breaks HTTP.
///
/// Everything runs on the channel's event loop; delays are scheduled tasks there, never sleeps.
final class HostileHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Where a request goes.
    enum Route: Equatable {
        case fixtureReset, fixtureCreate, notifications, api, unknown

        init(method: HTTPMethod, uri: String) {
            let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            switch (method, path) {
            case (.POST, "/fixtures/reset"): self = .fixtureReset
            case (.POST, "/fixtures/interactions"): self = .fixtureCreate
            case (.POST, "/api/v2/notifications"): self = .notifications
            case (.POST, _) where path.hasPrefix("/api/v2/notifications/"): self = .notifications
            case (_, _) where path.hasPrefix("/api/v2/"): self = .api
            default: self = .unknown
            }
        }
    }

    /// The size `huge` announces: twice the suite's 16 MiB cap.
    static let hugeLength = 32 * 1024 * 1024
    static let chunkSize = 64 * 1024
    /// How many bytes `drip` announces (one goes out each second).
    static let dripLength = 100
    /// How long a Bayeux `/meta/connect` is held before its reply (except in `holdLongPoll`: for ever).
    static let connectHold = TimeAmount.seconds(1)

    let mode: HostileMode
    let scope: HostileScope
    let streamed: StreamedBytes
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var isOpen = true
    private var pending: Scheduled<Void>?

    init(mode: HostileMode, scope: HostileScope, streamed: StreamedBytes) {
        self.mode = mode
        self.scope = scope
        self.streamed = streamed
    }

    /// Whether requests on `route` get the mode's treatment.
    func misbehaves(on route: Route) -> Bool {
        switch scope {
        case .rest: route == .api
        case .notifications: route == .notifications
        case .everything: true
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard isOpen else { return }
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            if mode == .reset, misbehaves(on: Route(method: requestHead.method, uri: requestHead.uri)) {
                head = nil
                isOpen = false
                context.close(promise: nil)
            }
        case .body(var buffer):
            // The suite sends small requests; keep at most 1 MiB of anything else.
            if body.count < 1 << 20 { body += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            respond(to: requestHead, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isOpen = false
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        isOpen = false
        context.close(promise: nil)
    }

    private func respond(to requestHead: HTTPRequestHead, context: ChannelHandlerContext) {
        let route = Route(method: requestHead.method, uri: requestHead.uri)
        if misbehaves(on: route) {
            misbehave(requestHead, context: context)
            return
        }
        switch route {
        case .fixtureReset:
            send(.noContent, body: [], context: context)
        case .fixtureCreate:
            send(.created, contentType: "application/json", body: Array(#"{"id":"hostile-1"}"#.utf8), context: context)
        case .notifications:
            answerBayeux(context: context)
        case .api:
            let text = requestHead.method == .GET ? #"{"statusCode":0,"uris":[]}"# : #"{"status":"ok"}"#
            send(.ok, contentType: "application/json", body: Array(text.utf8), context: context)
        case .unknown:
            send(.notFound, contentType: "text/plain", body: Array("no such fixture".utf8), context: context)
        }
    }

    /// Answers (or not) the way the mode breaks HTTP.
    private func misbehave(_ requestHead: HTTPRequestHead, context: ChannelHandlerContext) {
        let json = "application/json"
        switch mode {
        case .silent, .reset:
            break
        case .notJSON:
            send(.ok, contentType: "text/html", body: Array("<html>oops</html>".utf8), context: context)
        case .invalidUTF8:
            send(
                .ok, contentType: json, body: Array(#"{"status":""#.utf8) + [0xFF] + Array(#""}"#.utf8),
                context: context)
        case .deepNesting:
            let body =
                [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
                + [UInt8](repeating: UInt8(ascii: "]"), count: 100_000)
            send(.ok, contentType: json, body: body, context: context)
        case .huge, .hugeChunked:
            var headers = HTTPHeaders([("Content-Type", json)])
            if mode == .huge { headers.add(name: "Content-Length", value: String(Self.hugeLength)) }
            context.writeAndFlush(wrapOutboundOut(.head(responseHead(.ok, headers))), promise: nil)
            let chunk = context.channel.allocator.buffer(repeating: UInt8(ascii: " "), count: Self.chunkSize)
            stream(chunk, remaining: Self.hugeLength, context: context)
        case .drip:
            // Valid JSON of exactly `dripLength` bytes, so only the deadline can make it fail.
            let prefix = #"{"status":"ok","padding":""#
            let text = prefix + String(repeating: "x", count: Self.dripLength - prefix.utf8.count - 2) + #""}"#
            let headers = HTTPHeaders([("Content-Type", json), ("Content-Length", String(Self.dripLength))])
            context.writeAndFlush(wrapOutboundOut(.head(responseHead(.ok, headers))), promise: nil)
            drip(Array(text.utf8)[...], context: context)
        case .holdLongPoll:
            // Its REST answers are right; only its Bayeux connects stall (`answerBayeux`).
            let text = requestHead.method == .GET ? #"{"statusCode":0,"uris":[]}"# : #"{"status":"ok"}"#
            send(.ok, contentType: json, body: Array(text.utf8), context: context)
        }
    }

    /// Writes the next chunk once the previous one has left, so a peer that stops reading stops the stream.
    private func stream(_ chunk: ByteBuffer, remaining: Int, context: ChannelHandlerContext) {
        guard isOpen else { return }
        guard remaining > 0 else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let size = min(chunk.readableBytes, remaining)
        let part = chunk.getSlice(at: chunk.readerIndex, length: size) ?? chunk
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part)))).assumeIsolated().whenComplete { result in
            guard case .success = result else { return }
            self.streamed.add(size)
            // A hop through the loop, so writes that complete at once do not nest ever deeper.
            context.eventLoop.assumeIsolated().execute {
                self.stream(chunk, remaining: remaining - size, context: context)
            }
        }
    }

    /// One byte a second until the body is out or the peer has gone.
    private func drip(_ rest: ArraySlice<UInt8>, context: ChannelHandlerContext) {
        pending = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) {
            guard self.isOpen, let byte = rest.first else { return }
            let buffer = context.channel.allocator.buffer(bytes: [byte])
            context.writeAndFlush(self.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            if rest.count == 1 {
                context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            } else {
                self.drip(rest.dropFirst(), context: context)
            }
        }
    }

    private func answerBayeux(context: ChannelHandlerContext) {
        let messages: [JSONObject]
        switch try? JSONValue(parsing: body) {
        case .array(let elements)?: messages = elements.compactMap(\.objectValue)
        case .object(let object)?: messages = [object]
        default:
            send(.badRequest, contentType: "text/plain", body: Array("not a Bayeux batch".utf8), context: context)
            return
        }
        let replies = messages.map(Self.reply)
        let text = Array(JSONValue.array(replies).compactText.utf8)
        guard messages.contains(where: { $0["channel"] == "/meta/connect" }) else {
            send(.ok, contentType: "application/json", body: text, context: context)
            return
        }
        // A connect is held: for a second normally, for ever when this target breaks long polling.
        guard mode != .holdLongPoll else { return }
        pending = context.eventLoop.assumeIsolated().scheduleTask(in: Self.connectHold) {
            guard self.isOpen else { return }
            self.send(.ok, contentType: "application/json", body: text, context: context)
        }
    }

    /// The reply to one Bayeux message: every meta request succeeds for client `c1`.
    static func reply(to message: JSONObject) -> JSONValue {
        let channel = message["channel"] ?? .null
        var reply = JSONObject()
        reply["channel"] = channel
        if let id = message["id"] { reply["id"] = id }
        reply["successful"] = .bool(channel.stringValue?.hasPrefix("/meta/") == true)
        reply["clientId"] = "c1"
        switch channel {
        case "/meta/handshake":
            reply["version"] = "1.0"
            reply["supportedConnectionTypes"] = ["long-polling"]
            reply["advice"] = ["reconnect": "retry", "interval": 0, "timeout": 1000]
        case "/meta/subscribe", "/meta/unsubscribe":
            reply["subscription"] = message["subscription"] ?? .null
        default:
            break
        }
        return .object(reply)
    }

    private func send(
        _ status: HTTPResponseStatus,
        contentType: String? = nil,
        body: [UInt8],
        context: ChannelHandlerContext
    ) {
        var headers = HTTPHeaders([("Content-Length", String(body.count))])
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        context.write(wrapOutboundOut(.head(responseHead(status, headers))), promise: nil)
        if !body.isEmpty {
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func responseHead(_ status: HTTPResponseStatus, _ headers: HTTPHeaders) -> HTTPResponseHead {
        HTTPResponseHead(version: .http1_1, status: status, headers: headers)
    }
}
