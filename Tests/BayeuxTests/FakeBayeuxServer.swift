import Bayeux
import ConformanceJSON
import Hummingbird

/// A tiny scripted Bayeux server: handshakes hand out `client-1`, `client-2`, ...; a connect takes the next scripted
/// outcome, or is held until the test scripts one (or a disconnect releases it).
actor FakeBayeuxServer {
    /// How the server answers a connect.
    enum ConnectOutcome: Sendable {
        /// Reply with these notifications, the first before the `/meta/connect` reply and the rest after it.
        case deliver([BayeuxMessage])
        /// Forget the client and answer `402::Unknown client` with advice to handshake.
        case unknownClient
        /// Answer the whole request with this HTTP status and body instead of a Bayeux batch.
        case raw(status: Int, body: String)
    }

    private(set) var handshakes = 0
    private(set) var subscriptions: [String] = []
    private(set) var disconnects = 0
    private(set) var authorizations: Set<String> = []
    var refuseHandshake = false
    private var currentClient: String?
    private var outcomes: [ConnectOutcome] = []
    private var held: CheckedContinuation<ConnectOutcome?, Never>?

    func setRefuseHandshake(_ refuse: Bool) {
        refuseHandshake = refuse
    }

    /// Scripts the answer to a connect: the held one if there is one, else the next.
    func script(_ outcome: ConnectOutcome) {
        if let held {
            self.held = nil
            held.resume(returning: outcome)
        } else {
            outcomes.append(outcome)
        }
    }

    /// Answers a held connect with nothing to deliver.
    func release() {
        held?.resume(returning: nil)
        held = nil
    }

    /// The HTTP status and body answering a request batch.
    func handle(_ batch: [BayeuxMessage], authorization: String?) async -> (status: Int, body: String) {
        if let authorization { authorizations.insert(authorization) }
        var replies: [BayeuxMessage] = []
        for message in batch {
            var reply: BayeuxMessage = ["channel": .string(message.channel ?? "")]
            reply.id = message.id
            switch message.channel {
            case "/meta/handshake":
                if refuseHandshake {
                    reply.successful = false
                    reply.error = "403::Handshake denied"
                } else {
                    handshakes += 1
                    currentClient = "client-\(handshakes)"
                    reply.successful = true
                    reply.clientId = currentClient
                    reply.advice = BayeuxAdvice(reconnect: .retry, interval: .zero, timeout: .seconds(30))
                }
                replies.append(reply)
            case "/meta/subscribe":
                subscriptions.append(message.subscription ?? "")
                reply.successful = message.clientId == currentClient
                reply.subscription = message.subscription
                replies.append(reply)
            case "/meta/connect":
                switch await connect(message, reply: reply) {
                case .success(let connectReplies): replies += connectReplies
                case .failure(let raw): return (raw.status, raw.body)
                }
            case "/meta/disconnect":
                disconnects += 1
                release()
                reply.successful = true
                replies.append(reply)
            default:
                reply.successful = false
                replies.append(reply)
            }
        }
        return (200, BayeuxMessage.encodeBatch(replies))
    }

    private func connect(_ message: BayeuxMessage, reply: BayeuxMessage) async -> Result<[BayeuxMessage], RawReply> {
        var reply = reply
        guard message.clientId == currentClient else {
            reply.successful = false
            reply.error = "402::Unknown client"
            reply.advice = BayeuxAdvice(reconnect: .handshake, interval: .zero)
            return .success([reply])
        }
        let outcome: ConnectOutcome?
        if outcomes.isEmpty {
            release()
            outcome = await withCheckedContinuation { held = $0 }
        } else {
            outcome = outcomes.removeFirst()
        }
        switch outcome {
        case .unknownClient:
            currentClient = nil
            reply.successful = false
            reply.error = "402::Unknown client"
            reply.advice = BayeuxAdvice(reconnect: .handshake, interval: .zero)
            return .success([reply])
        case .deliver(let messages):
            reply.successful = true
            return .success(Array(messages.prefix(1)) + [reply] + messages.dropFirst())
        case .raw(let status, let body):
            return .failure(RawReply(status: status, body: body))
        case nil:
            reply.successful = true
            return .success([reply])
        }
    }

    /// Runs the server on 127.0.0.1 at an ephemeral port while `body` runs with the notifications URL.
    static func withRunning<T: Sendable>(_ body: (FakeBayeuxServer, String) async throws -> T) async throws -> T {
        let server = FakeBayeuxServer()
        let router = Router()
        router.post("api/v2/notifications") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let batch = try BayeuxMessage.parseBatch(Array(bytes.readableBytesView))
            let reply = await server.handle(batch, authorization: request.headers[.authorization])
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(
                status: HTTPResponse.Status(code: reply.status),
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body))
            )
        }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await app.runService(gracefulShutdownSignals: [])
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw FakeServerDidNotStart()
            }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(server, "http://127.0.0.1:\(port)/api/v2/notifications"))
            } catch {
                result = .failure(error)
            }
            await server.release()
            group.cancelAll()
            return try result.get()
        }
    }
}

/// A scripted reply that is not a Bayeux batch.
struct RawReply: Error {
    var status: Int
    var body: String
}

/// The fake server never reported its port.
struct FakeServerDidNotStart: Error {}
