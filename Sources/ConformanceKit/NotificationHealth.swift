import Bayeux

/// Whether notifications reach the suite at all in this run. When none has ever arrived and waits keep
/// timing out, later waits are cut to the quiet period, so a target whose notifications never come is judged
/// in seconds instead of a full notification timeout per step.
package actor NotificationHealth {
    /// Timed-out waits, with no notification received anywhere, after which waits are shortened.
    package static let giveUpAfter = 2

    private let inboxes: [NotificationInbox]
    private var timeouts = 0

    package init(inboxes: [NotificationInbox]) {
        self.inboxes = inboxes
    }

    /// How long the next wait may take.
    package func budget(normal: Duration, short: Duration) async -> Duration {
        guard timeouts >= Self.giveUpAfter else { return normal }
        return await anythingArrived() ? normal : short
    }

    package func recordTimeout() {
        timeouts += 1
    }

    private func anythingArrived() async -> Bool {
        for inbox in inboxes where await inbox.count > 0 { return true }
        return false
    }
}
