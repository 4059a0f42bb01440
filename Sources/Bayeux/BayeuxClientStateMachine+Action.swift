extension BayeuxClientStateMachine {
    /// What the session must do next, in order.
    public enum Action: Sendable, Hashable {
        /// POST a `/meta/handshake` after the pause.
        case sendHandshake(BayeuxMessage, after: Duration)
        /// POST the `/meta/subscribe` batch (one message per channel).
        case sendSubscribe([BayeuxMessage])
        /// POST a `/meta/connect` after the pause (the advised `interval`); the server may hold it for `hold`.
        case sendConnect(BayeuxMessage, after: Duration, hold: Duration)
        /// POST a `/meta/disconnect`; its reply does not matter.
        case sendDisconnect(BayeuxMessage)
        /// Hand these messages, received on subscribed channels, to the inbox.
        case deliver([BayeuxMessage])
        /// Note a transport or protocol problem, in words.
        case recordProblem(String)
        /// The session is over.
        case finish(FinishReason)
    }

    /// Why the session ended.
    public enum FinishReason: Sendable, Hashable, CustomStringConvertible {
        /// The owner stopped it.
        case stopped
        /// The handshake or a subscribe failed while opening; the session never connected.
        case openingFailed(step: BayeuxStep, problem: String)
        /// The server advised `reconnect: none`.
        case serverAdvisedNoReconnect
        /// Too many failures in a row.
        case gaveUp(failures: Int, lastProblem: String)

        public var description: String {
            switch self {
            case .stopped: "stopped"
            case .openingFailed(let step, let problem): "\(step) failed: \(problem)"
            case .serverAdvisedNoReconnect: "the server advised reconnect none"
            case .gaveUp(let failures, let lastProblem):
                "gave up after \(failures) consecutive failures; last: \(lastProblem)"
            }
        }
    }
}
