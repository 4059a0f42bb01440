import ConformanceJSON

/// Everything one session received, awaitable with a deadline.
///
/// Waiting is event-driven: a waiter is a continuation that `append` resumes the moment a matching notification
/// arrives, raced against a timer for its deadline.
public actor NotificationInbox {
    private struct Waiter {
        var from: Int
        var excluding: Set<Int>
        var predicate: @Sendable (ReceivedNotification) -> Bool
        var continuation: CheckedContinuation<ReceivedNotification?, Never>

        func accepts(_ notification: ReceivedNotification) -> Bool {
            notification.index >= from && !excluding.contains(notification.index) && predicate(notification)
        }
    }

    private var notifications: [ReceivedNotification] = []
    private var problemLines: [String] = []
    private var waiters: [Int: Waiter] = [:]
    /// Tickets handed out whose waiter has not registered yet; a ticket removed early means "give up".
    private var unregistered: Set<Int> = []
    private var nextTicket = 0

    public init() {}

    /// How many notifications arrived so far: a cursor, later waits can start from here.
    public var count: Int { notifications.count }

    /// Every notification, in order of arrival.
    public func all() -> [ReceivedNotification] { notifications }

    /// Transport and protocol problems the session ran into, in words, in order.
    public func problems() -> [String] { problemLines }

    /// Why the session ended before its owner stopped it (the server advised `reconnect: none`, or too many
    /// failures in a row); nil while it runs. Nothing more will arrive.
    public private(set) var ended: String?

    /// The session is over: waiters stop waiting, and later waits find only what already arrived.
    public func end(_ reason: String) {
        guard ended == nil else { return }
        ended = reason
        for (_, waiter) in waiters { waiter.continuation.resume(returning: nil) }
        waiters = [:]
    }

    /// The first notification with index >= `from`, not in `excluding`, that satisfies `predicate`; waits until
    /// `deadline` (returns nil then, or when the task is cancelled).
    ///
    /// Returns at once when one is already there; wakes the moment a matching one arrives.
    public func first(
        from: Int = 0,
        excluding: Set<Int> = [],
        deadline: ContinuousClock.Instant,
        where predicate: @escaping @Sendable (ReceivedNotification) -> Bool
    ) async -> ReceivedNotification? {
        if let found = search(from: from, excluding: excluding, predicate) { return found }
        guard ContinuousClock.now < deadline, !Task.isCancelled, ended == nil else { return nil }
        let ticket = nextTicket
        nextTicket += 1
        unregistered.insert(ticket)
        return await withTaskGroup(of: ReceivedNotification?.self) { group in
            group.addTask {
                await self.wait(ticket: ticket, from: from, excluding: excluding, predicate: predicate)
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            var result = await group.next() ?? nil
            abandon(ticket: ticket)
            group.cancelAll()
            // The waiter may have been resumed with a match just as the deadline fired: keep the match.
            while let other = await group.next() {
                if result == nil { result = other }
            }
            return result
        }
    }

    /// Adds a message received on a subscribed channel and wakes the waiters it satisfies.
    @discardableResult
    public func append(_ message: BayeuxMessage, receivedAt: ContinuousClock.Instant = .now) -> ReceivedNotification {
        let notification = ReceivedNotification(
            index: notifications.count,
            channel: message.channel ?? "",
            data: message.data ?? .null,
            message: message.json,
            receivedAt: receivedAt
        )
        notifications.append(notification)
        for (ticket, waiter) in waiters where waiter.accepts(notification) {
            waiters[ticket] = nil
            waiter.continuation.resume(returning: notification)
        }
        return notification
    }

    /// Notes a transport or protocol problem.
    public func record(problem: String) {
        problemLines.append(problem)
    }

    private func search(
        from: Int,
        excluding: Set<Int>,
        _ predicate: (ReceivedNotification) -> Bool
    ) -> ReceivedNotification? {
        guard from < notifications.count else { return nil }
        return notifications[max(0, from)...].first { !excluding.contains($0.index) && predicate($0) }
    }

    private func wait(
        ticket: Int,
        from: Int,
        excluding: Set<Int>,
        predicate: @escaping @Sendable (ReceivedNotification) -> Bool
    ) async -> ReceivedNotification? {
        guard unregistered.remove(ticket) != nil else { return nil }
        // A match may have arrived between the first search and now.
        if let found = search(from: from, excluding: excluding, predicate) { return found }
        guard ended == nil else { return nil }
        return await withCheckedContinuation { continuation in
            waiters[ticket] = Waiter(from: from, excluding: excluding, predicate: predicate, continuation: continuation)
        }
    }

    private func abandon(ticket: Int) {
        if unregistered.remove(ticket) != nil { return }
        waiters.removeValue(forKey: ticket)?.continuation.resume(returning: nil)
    }
}
