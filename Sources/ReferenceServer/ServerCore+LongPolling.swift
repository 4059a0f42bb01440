extension ServerCore {
    /// Answers one Bayeux request (a batch of messages) from `user`. A `/meta/connect` with nothing to deliver is
    /// held until a message arrives, the long-poll timeout passes, the session ends or the server closes.
    nonisolated func exchange(_ messages: [JSONValue], user: String) async -> [JSONValue] {
        let (replies, hold) = await begin(messages, user: user)
        guard let token = hold else { return replies }
        let deadline = ContinuousClock.now + configuration.longPollTimeout
        let delivered = await withTaskGroup(of: [JSONValue]?.self) { group in
            group.addTask { await self.awaitDelivery(token) }
            group.addTask {
                // The long-poll deadline; cancellation (a message came, or the request went away) ends it early.
                try? await Task.sleep(until: deadline, clock: .continuous)
                await self.endHold(token)
                return nil
            }
            var result: [JSONValue] = []
            for await messages in group {
                if let messages {
                    result = messages
                    group.cancelAll()
                }
            }
            return result
        }
        return replies + delivered
    }

    /// Releases every held connect and answers later ones at once: the server is shutting down.
    func close() {
        for delivery in bayeux.close(at: .now) {
            deliver(delivery)
        }
    }

    /// Waits until `clientId` has a connect held, at most `timeout`; `false` when the time ran out.
    nonisolated func waitUntilHolding(_ clientId: String, timeout: Duration) async -> Bool {
        let watcher = await addWatcherIfNeeded(clientId)
        guard let watcher else { return true }
        let deadline = ContinuousClock.now + timeout
        return await withTaskGroup(of: Bool?.self) { group in
            group.addTask { await self.awaitWatcher(watcher) }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                await self.resolveWatcher(watcher, holding: false)
                return nil
            }
            var holding = false
            for await result in group {
                if let result {
                    holding = result
                    group.cancelAll()
                }
            }
            return holding
        }
    }

    func deliver(_ delivery: BayeuxDelivery) {
        if let continuation = waiting.removeValue(forKey: delivery.token) {
            continuation.resume(returning: delivery.messages)
        } else {
            answered[delivery.token] = delivery.messages
        }
    }

    private func begin(_ messages: [JSONValue], user: String) -> (replies: [JSONValue], hold: Int?) {
        let now = ContinuousClock.now
        var replies: [JSONValue] = []
        var hold: Int?
        for message in messages {
            let reaction = bayeux.receive(message, from: user, at: now)
            for delivery in reaction.deliveries {
                if delivery.token == hold {
                    // A second connect in the same batch released the first: answer it inline.
                    replies += delivery.messages
                    hold = nil
                } else {
                    deliver(delivery)
                }
            }
            replies += reaction.replies
            if let token = reaction.hold {
                hold = token
            }
        }
        if hold != nil {
            for (id, clientId) in watchedClients where bayeux.isHolding(clientId) {
                resolveWatcher(id, holding: true)
            }
        }
        return (replies, hold)
    }

    private func awaitDelivery(_ token: Int) async -> [JSONValue] {
        if let messages = answered.removeValue(forKey: token) {
            return messages
        }
        return await withCheckedContinuation { continuation in
            waiting[token] = continuation
        }
    }

    private func endHold(_ token: Int) {
        if let delivery = bayeux.endHold(token, at: .now) {
            deliver(delivery)
        }
    }

    private func addWatcherIfNeeded(_ clientId: String) -> Int? {
        guard !bayeux.isHolding(clientId) else { return nil }
        lastWatcher += 1
        watchedClients[lastWatcher] = clientId
        return lastWatcher
    }

    private func awaitWatcher(_ id: Int) async -> Bool {
        if let holding = watcherResults.removeValue(forKey: id) {
            return holding
        }
        return await withCheckedContinuation { continuation in
            watcherContinuations[id] = continuation
        }
    }

    /// The first resolution of a watcher wins; later ones find nothing to do.
    private func resolveWatcher(_ id: Int, holding: Bool) {
        guard watchedClients.removeValue(forKey: id) != nil else { return }
        if let continuation = watcherContinuations.removeValue(forKey: id) {
            continuation.resume(returning: holding)
        } else {
            watcherResults[id] = holding
        }
    }
}
