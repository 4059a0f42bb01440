import ConformanceJSON

extension BayeuxClientStateMachine {
    mutating func handshakeReplied(_ batch: [BayeuxMessage], id: String) -> [Action] {
        let index = replyIndex(in: batch, channel: "/meta/handshake", id: id)
        var actions = sortOut(batch, replies: index.map { [$0] } ?? [], during: .handshake)
        guard let index else {
            return actions + failure(.handshake, "handshake reply has no /meta/handshake message: \(Self.text(batch))")
        }
        let reply = batch[index]
        if let newer = reply.advice { advice = advice.updated(with: newer) }
        guard reply.successful == true, let clientId = reply.clientId, !clientId.isEmpty else {
            if reply.advice?.reconnect == BayeuxAdvice.Reconnect.none, isEstablished {
                return actions + [.recordProblem("handshake refused with advice reconnect none: \(reply)")]
                    + finish(.serverAdvisedNoReconnect)
            }
            let why = reply.successful == true ? "handshake reply has no clientId" : "handshake refused"
            return actions + failure(.handshake, "\(why): \(reply)")
        }
        actions += beginSubscribing(clientId: clientId)
        return actions
    }

    mutating func subscribeReplied(_ batch: [BayeuxMessage], requests: [Subscription]) -> [Action] {
        // Replies without an id are told apart by the subscription as written (the two spellings of the channel
        // are equal as BayeuxChannels), and one reply answers one request only.
        var taken = Set<Int>()
        let indices = requests.map { request -> Int? in
            let exact = replyIndex(in: batch, channel: "/meta/subscribe", id: request.id, excluding: taken) {
                $0.subscription == request.channel
            }
            let found =
                exact
                ?? replyIndex(in: batch, channel: "/meta/subscribe", id: request.id, excluding: taken) { reply in
                    reply.subscription.map(BayeuxChannel.init) == BayeuxChannel(request.channel)
                }
            if let found { taken.insert(found) }
            return found
        }
        var actions = sortOut(batch, replies: indices.compactMap { $0 }, during: .subscribe)
        // The channels are spellings of one another: the session is open once any subscription holds; the
        // refused ones are noted.
        var refusals: [String] = []
        for (request, index) in zip(requests, indices) {
            guard let index else {
                let problem = "no /meta/subscribe reply for \(request.channel) in: \(Self.text(batch))"
                return actions + failure(.subscribe, problem)
            }
            let reply = batch[index]
            if let newer = reply.advice { advice = advice.updated(with: newer) }
            guard reply.successful == true else {
                if isEstablished, reply.errorCode == 402 || reply.advice?.reconnect == .handshake {
                    return actions + rehandshake("re-handshake after subscribe answered \(reply.error ?? "\(reply)")")
                }
                refusals.append("subscribe to \(request.channel) refused: \(reply)")
                continue
            }
        }
        if refusals.count == requests.count, let first = refusals.first {
            return actions + failure(.subscribe, refusals.count == 1 ? first : refusals.joined(separator: "; "))
        }
        actions += refusals.map { .recordProblem($0) }
        guard let clientId else { return actions }
        actions += connected(clientId: clientId, after: .zero)
        return actions
    }

    mutating func connectReplied(_ batch: [BayeuxMessage], id: String) -> [Action] {
        let index = replyIndex(in: batch, channel: "/meta/connect", id: id)
        var actions = sortOut(batch, replies: index.map { [$0] } ?? [], during: .connect)
        guard let index else {
            return actions + failure(.connect, "connect reply has no /meta/connect message: \(Self.text(batch))")
        }
        let reply = batch[index]
        if let newer = reply.advice { advice = advice.updated(with: newer) }
        // Only this reply's `reconnect` counts: an old "handshake" must not outlive the handshake it asked for.
        let reconnect = reply.advice?.reconnect
        if reconnect == BayeuxAdvice.Reconnect.none {
            return actions + [.recordProblem("connect answered advice reconnect none: \(reply)")]
                + finish(.serverAdvisedNoReconnect)
        }
        if reply.successful == true {
            consecutiveFailures = 0
            if reconnect == .handshake {
                return actions + rehandshake("re-handshake: the connect reply advised reconnect handshake")
            }
            guard let clientId else { return actions }
            actions += connected(clientId: clientId, after: advice.interval ?? .zero)
            return actions
        }
        if reply.errorCode == 402 || reconnect == .handshake {
            return actions + rehandshake("re-handshake after \(reply.error ?? "advice reconnect handshake")")
        }
        return actions + failure(.connect, "connect refused: \(reply)")
    }

    /// The index of the reply on `channel` to the request `id`: the one echoing the id, else one without an id that
    /// `fits`.
    func replyIndex(
        in batch: [BayeuxMessage],
        channel: String,
        id: String,
        excluding taken: Set<Int> = [],
        fits: (BayeuxMessage) -> Bool = { _ in true }
    ) -> Int? {
        let wanted = BayeuxChannel(channel)
        let candidates = batch.indices.filter {
            !taken.contains($0) && batch[$0].channel.map(BayeuxChannel.init) == wanted
        }
        return candidates.first { batch[$0].id == id } ?? candidates.first { batch[$0].id == nil && fits(batch[$0]) }
    }

    /// Everything in a batch except the replies: messages on subscribed channels are delivered, the rest is noted.
    func sortOut(_ batch: [BayeuxMessage], replies: [Int], during step: BayeuxStep) -> [Action] {
        var delivered: [BayeuxMessage] = []
        var problems: [String] = []
        for (index, message) in batch.enumerated() where !replies.contains(index) {
            guard let name = message.channel else {
                problems.append("\(step) reply carries a message without a channel: \(message)")
                continue
            }
            let channel = BayeuxChannel(name)
            if channel.isMeta {
                problems.append("\(step) reply carries an unexpected \(name) message: \(message)")
            } else if subscriptions.contains(where: { $0.matches(channel) }) {
                delivered.append(message)
            } else {
                problems.append("\(step) reply carries a message on unsubscribed channel \(name): \(message)")
            }
        }
        var actions: [Action] = []
        if !delivered.isEmpty { actions.append(.deliver(delivered)) }
        actions += problems.map(Action.recordProblem)
        return actions
    }

    static func text(_ batch: [BayeuxMessage]) -> String {
        JSONValue.array(batch.map { .object($0.json) }).abbreviated()
    }
}
