/// Pure client protocol state machine (no I/O): the session actor feeds it replies and performs the actions it returns.
///
/// One request is outstanding at a time (handshake, the subscribe batch, or a connect); every event answers the
/// actions to perform in order, with at most one request among them, last. Failures before the first connect end
/// the session (the caller learns why at once); afterwards they are recorded and retried with a growing pause,
/// until too many happen in a row.
public struct BayeuxClientStateMachine: Sendable {
    /// Where the client is in the protocol.
    public enum State: Sendable, Hashable {
        case unconnected
        case handshaking
        case subscribing(clientId: String)
        case connected(clientId: String, advice: BayeuxAdvice)
        case disconnected(reason: FinishReason)
    }

    /// The request whose reply is awaited.
    enum Outstanding: Sendable, Hashable {
        case handshake(id: String)
        case subscribe([Subscription])
        case connect(id: String)

        var step: BayeuxStep {
            switch self {
            case .handshake: .handshake
            case .subscribe: .subscribe
            case .connect: .connect
            }
        }
    }

    /// One `/meta/subscribe` request of the subscribe batch.
    struct Subscription: Sendable, Hashable {
        var id: String
        var channel: String
    }

    public internal(set) var state: State = .unconnected
    /// The channels to subscribe to, as given.
    public let channels: [String]
    public let retry: BayeuxRetryPolicy
    /// How long a connect may be held when the server never advised a `timeout`.
    public let defaultConnectHold: Duration
    /// The advice in force: `interval` and `timeout` persist until the server changes them.
    public internal(set) var advice = BayeuxAdvice()
    /// Failures since the last successful connect.
    public internal(set) var consecutiveFailures = 0
    /// Whether the session got as far as connecting; failures before that end the session.
    public internal(set) var isEstablished = false

    var outstanding: Outstanding?
    private var nextId = 1
    let subscriptions: [BayeuxChannel]

    public init(
        channels: [String],
        retry: BayeuxRetryPolicy = BayeuxRetryPolicy(),
        defaultConnectHold: Duration = .seconds(30)
    ) {
        self.channels = channels
        self.subscriptions = channels.map(BayeuxChannel.init)
        self.retry = retry
        self.defaultConnectHold = defaultConnectHold
    }

    /// The client id of the current handshake, while it is valid.
    public var clientId: String? {
        switch state {
        case .subscribing(let clientId), .connected(let clientId, _): clientId
        case .unconnected, .handshaking, .disconnected: nil
        }
    }

    /// Whether the session has ended.
    public var isFinished: Bool {
        if case .disconnected = state { return true }
        return false
    }

    // MARK: Events

    /// Opens the session: the first handshake.
    public mutating func start() -> [Action] {
        guard case .unconnected = state else { return [] }
        return beginHandshake(after: .zero)
    }

    /// The reply batch to the outstanding request arrived.
    public mutating func receive(_ batch: [BayeuxMessage]) -> [Action] {
        guard let outstanding, !isFinished else { return [] }
        self.outstanding = nil
        switch outstanding {
        case .handshake(let id): return handshakeReplied(batch, id: id)
        case .subscribe(let requests): return subscribeReplied(batch, requests: requests)
        case .connect(let id): return connectReplied(batch, id: id)
        }
    }

    /// The outstanding request got no usable reply (network error, deadline, HTTP status, body that is not a batch).
    public mutating func fail(_ problem: String) -> [Action] {
        guard let outstanding, !isFinished else { return [] }
        self.outstanding = nil
        return failure(outstanding.step, problem)
    }

    /// The session is over: disconnect when there is a client id, and finish.
    public mutating func stop() -> [Action] {
        guard !isFinished else { return [] }
        let clientId = clientId
        state = .disconnected(reason: .stopped)
        outstanding = nil
        var actions: [Action] = []
        if let clientId { actions.append(.sendDisconnect(.disconnect(clientId: clientId, id: makeId()))) }
        actions.append(.finish(.stopped))
        return actions
    }

    // MARK: Transitions

    mutating func beginHandshake(after pause: Duration) -> [Action] {
        state = .handshaking
        let id = makeId()
        outstanding = .handshake(id: id)
        return [.sendHandshake(.handshake(id: id), after: pause)]
    }

    mutating func beginSubscribing(clientId: String) -> [Action] {
        state = .subscribing(clientId: clientId)
        guard !channels.isEmpty else { return connected(clientId: clientId, after: .zero) }
        let requests = channels.map { Subscription(id: makeId(), channel: $0) }
        outstanding = .subscribe(requests)
        return [.sendSubscribe(requests.map { .subscribe(clientId: clientId, channel: $0.channel, id: $0.id) })]
    }

    mutating func connected(clientId: String, after pause: Duration) -> [Action] {
        isEstablished = true
        state = .connected(clientId: clientId, advice: advice)
        let id = makeId()
        outstanding = .connect(id: id)
        return [
            .sendConnect(.connect(clientId: clientId, id: id), after: pause, hold: advice.timeout ?? defaultConnectHold)
        ]
    }

    /// A failed step: before the first connect the session ends; afterwards the step is retried after a pause.
    mutating func failure(_ step: BayeuxStep, _ problem: String) -> [Action] {
        var actions: [Action] = [.recordProblem(problem)]
        guard isEstablished else { return actions + finish(.openingFailed(step: step, problem: problem)) }
        consecutiveFailures += 1
        if let giveUp = giveUpIfExhausted(problem) { return actions + giveUp }
        let pause = retry.backoff(afterFailures: consecutiveFailures)
        if step == .connect, let clientId {
            actions += connected(clientId: clientId, after: max(pause, advice.interval ?? .zero))
        } else {
            actions += beginHandshake(after: pause)
        }
        return actions
    }

    /// The server forgot the client or advised a new handshake: handshake and subscribe again.
    mutating func rehandshake(_ problem: String) -> [Action] {
        var actions: [Action] = [.recordProblem(problem)]
        consecutiveFailures += 1
        if let giveUp = giveUpIfExhausted(problem) { return actions + giveUp }
        // The first re-handshake goes at once; repeated ones back off, so a server that always forgets is not hammered.
        let pause = consecutiveFailures == 1 ? Duration.zero : retry.backoff(afterFailures: consecutiveFailures - 1)
        actions += beginHandshake(after: pause)
        return actions
    }

    mutating func giveUpIfExhausted(_ problem: String) -> [Action]? {
        guard consecutiveFailures >= retry.maximumConsecutiveFailures else { return nil }
        let reason = FinishReason.gaveUp(failures: consecutiveFailures, lastProblem: problem)
        return [.recordProblem("gave up after \(consecutiveFailures) consecutive failures")] + finish(reason)
    }

    mutating func finish(_ reason: FinishReason) -> [Action] {
        state = .disconnected(reason: reason)
        outstanding = nil
        return [.finish(reason)]
    }

    mutating func makeId() -> String {
        defer { nextId += 1 }
        return String(nextId)
    }
}
