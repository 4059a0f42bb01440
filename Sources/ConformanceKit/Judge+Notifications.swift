import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceReport

extension Judge {
    /// The deviation of an expected notification that did not come: what the agents received instead (the last
    /// five messages since the case began) and what their sessions reported.
    package func missing(
        _ expectation: NotificationExpectation, expected: JSONPattern,
        received: [(role: String, notification: ReceivedNotification)], sessionProblems: [String], budget: Duration,
        curl: String?
    ) -> Deviation {
        let got =
            received.isEmpty
            ? "nothing"
            : received.suffix(5).map { "\($0.role): \($0.notification.data.abbreviated(limit: 160))" }
                .joined(separator: "; ")
        let reported =
            sessionProblems.isEmpty
            ? "" : " (the notification session reported: " + sessionProblems.joined(separator: "; ") + ")"
        let who = expectation.agents.joined(separator: " or ")
        return deviation(
            expectation.requirement, expected: JSONMatcher.describe(expected), actual: got + reported,
            message: "no notification matching \(JSONMatcher.describe(expected)) reached \(who) within "
                + "\(DurationText.milliseconds(budget)) ms after the step that causes it",
            curl: curl)
    }

    /// The deviation of a notification an agent received but must not have.
    package func forbidden(
        _ expectation: NotificationExpectation, pattern: JSONPattern, role: String, notification: ReceivedNotification,
        curl: String?
    ) -> Deviation {
        deviation(
            expectation.requirement,
            expected: "no notification matching \(JSONMatcher.describe(pattern)) for \(role)",
            actual: notification.data.abbreviated(limit: 240),
            message: "\(role) received a notification it must not: \(notification.data.abbreviated(limit: 160))",
            curl: curl)
    }

    /// The messages among `received` that break an absence: they match its pattern, came after its start, and
    /// are not one of the barrier's markers.
    package static func breaking(
        _ pattern: JSONPattern, since: [String: Int]?, markers: [String],
        in received: [(role: String, notification: ReceivedNotification)]
    ) -> [(role: String, notification: ReceivedNotification)] {
        let markerPatterns = markers.map { JSONPattern.anywhere(.literal(.string($0))) }
        return received.filter { role, notification in
            notification.index >= since?[role] ?? 0
                && JSONMatcher.match(pattern, notification.data).isMatch
                && !markerPatterns.contains(where: { JSONMatcher.match($0, notification.data).isMatch })
        }
    }
}
