import AsyncHTTPClient

/// A live long-polling session.
///
/// The actor owns the protocol state machine and performs the requests it asks for; the connect loop is a child
/// task of `withSession`, so it ends (its held connect cancelled) when the body returns.
public actor BayeuxSession {
    typealias Action = BayeuxClientStateMachine.Action

    /// How a run of actions ended.
    enum Outcome {
        case paused(remaining: [Action])
        case finished(BayeuxClientStateMachine.FinishReason)
        case cancelled
    }

    /// Everything received on the subscribed channels, and the problems seen.
    public nonisolated let inbox: NotificationInbox
    public nonisolated let endpoint: BayeuxEndpoint
    let httpClient: HTTPClient
    var machine: BayeuxClientStateMachine

    init(endpoint: BayeuxEndpoint, channels: [String], httpClient: HTTPClient) {
        self.endpoint = endpoint
        self.httpClient = httpClient
        self.inbox = NotificationInbox()
        self.machine = BayeuxClientStateMachine(
            channels: channels,
            retry: endpoint.retry,
            defaultConnectHold: endpoint.defaultConnectHold
        )
    }

    /// The client id of the current handshake (nil while re-handshaking and after the session ended).
    public var clientId: String? { machine.clientId }

    /// Where the protocol is; `.disconnected(reason:)` says why the connect loop stopped.
    public var state: BayeuxClientStateMachine.State { machine.state }

    /// Opens a session (handshake, subscribe to `channels`), runs the connect loop while `body` runs, disconnects
    /// afterwards (bounded by `requestTimeout`), and never leaves a task behind.
    ///
    /// Throws `BayeuxError` if the handshake or a subscribe fails (with the server's reply in the message).
    /// `disconnect` is evaluated when `body` has returned: false skips the disconnect (the server is known to be
    /// gone, and waiting for its answer would cost a request timeout).
    public static func withSession<T: Sendable>(
        endpoint: BayeuxEndpoint,
        channels: [String],
        httpClient: HTTPClient,
        disconnect: @autoclosure @escaping @Sendable () -> Bool = true,
        _ body: (BayeuxSession) async throws -> T
    ) async throws -> T {
        let session = BayeuxSession(endpoint: endpoint, channels: channels, httpClient: httpClient)
        let connectLoop = try await session.open()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await session.run(connectLoop) }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(session))
            } catch {
                result = .failure(error)
            }
            group.cancelAll()
            try? await group.waitForAll()
            await session.close(disconnect: disconnect())
            return try result.get()
        }
    }

    /// Handshakes and subscribes; answers the actions that start the connect loop.
    func open() async throws -> [Action] {
        let outcome = await perform(machine.start()) { action in
            if case .sendConnect = action { return true }
            return false
        }
        switch outcome {
        case .paused(let remaining):
            return remaining
        case .finished(.openingFailed(let step, let problem)):
            throw BayeuxError(step: step, url: endpoint.url, problem: problem)
        case .finished(let reason):
            throw BayeuxError(step: .handshake, url: endpoint.url, problem: reason.description)
        case .cancelled:
            throw CancellationError()
        }
    }

    /// The connect loop: runs until the machine finishes or the task is cancelled.
    func run(_ actions: [Action]) async {
        _ = await perform(actions) { _ in false }
    }

    /// Stops the state machine and, when `disconnect` holds, sends its disconnect, bounded by `requestTimeout`
    /// (without it, a server that no longer answers would cost a request timeout per session).
    func close(disconnect: Bool = true) async {
        let actions = machine.stop().filter { action in
            if case .sendDisconnect = action { return disconnect }
            return true
        }
        _ = await perform(actions) { _ in false }
    }

    /// Performs actions in order, feeding each reply to the machine and performing what it answers, until `pause`
    /// holds for the next action, the machine finishes, or the task is cancelled.
    private func perform(_ actions: [Action], pausingBefore pause: (Action) -> Bool) async -> Outcome {
        var queue = actions[...]
        while let action = queue.popFirst() {
            if pause(action) { return .paused(remaining: [action] + queue) }
            switch action {
            case .deliver(let messages):
                for message in messages { await inbox.append(message) }
            case .recordProblem(let problem):
                await inbox.record(problem: problem)
            case .finish(let reason):
                if reason != .stopped { await inbox.end(reason.description) }
                return .finished(reason)
            case .sendHandshake(let message, let delay):
                guard await wait(delay) else { return .cancelled }
                queue += await exchange(.handshake, [message], timeout: endpoint.requestTimeout)
            case .sendSubscribe(let messages):
                queue += await exchange(.subscribe, messages, timeout: endpoint.requestTimeout)
            case .sendConnect(let message, let delay, let hold):
                guard await wait(delay) else { return .cancelled }
                queue += await exchange(.connect, [message], timeout: hold + endpoint.connectGrace)
            case .sendDisconnect(let message):
                if case .failure(let problem) = await post(.disconnect, [message], timeout: endpoint.requestTimeout) {
                    await inbox.record(problem: problem.description)
                }
            }
            if Task.isCancelled { return .cancelled }
        }
        return .cancelled
    }

    /// Sends a request and answers what the machine makes of the reply (nothing once the task is cancelled).
    private func exchange(_ step: BayeuxStep, _ messages: [BayeuxMessage], timeout: Duration) async -> [Action] {
        let result = await post(step, messages, timeout: timeout)
        guard !Task.isCancelled else { return [] }
        switch result {
        case .success(let batch): return machine.receive(batch)
        case .failure(let problem): return machine.fail(problem.description)
        }
    }

    /// The advised pause before a request; false when cancelled meanwhile.
    private func wait(_ delay: Duration) async -> Bool {
        guard delay > .zero else { return !Task.isCancelled }
        do {
            try await Task.sleep(for: delay)
            return true
        } catch {
            return false
        }
    }
}
