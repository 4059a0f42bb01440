import Bayeux
import ConformanceJSON

extension CaseExecution {
    func awaitNotification(_ expectation: NotificationExpectation) async throws -> StepOutcome {
        let expected = try pattern(expectation.match)
        for role in expectation.agents where inboxes[role] == nil {
            error = "no notification session for \(role): \(sessionProblems[role] ?? "the profile has no such agent")"
            return .stopped
        }
        let deadline = clock.now + timeouts.notification
        if let (role, notification, match) = await firstMatch(expected, among: expectation.agents, until: deadline) {
            consumed[role, default: []].insert(notification.index)
            variables.merge(match.captures) { _, new in new }
            transcript.append("\(role) ⇐ \(notification.channel) \(notification.data.abbreviated(limit: 300))")
            if !match.extraMembers.isEmpty {
                info.append(
                    "notification to \(role) has members the document does not name: "
                        + match.extraMembers.map(\.description).joined(separator: ", ")
                )
            }
            return .passed
        }
        for reading in expectation.readings {
            guard let alternative = reading.match else { continue }
            let alternativePattern = try pattern(alternative)
            if let (role, notification, match) = await firstMatch(
                alternativePattern,
                among: reading.agents ?? expectation.agents,
                until: clock.now
            ) {
                consumed[role, default: []].insert(notification.index)
                variables.merge(match.captures) { _, new in new }
                transcript.append("\(role) ⇐ \(notification.channel) \(notification.data.abbreviated(limit: 300))")
                notes.append(readingNote(reading) + " (received: \(notification.data.abbreviated(limit: 200)))")
                return .passed
            }
        }
        let received = await receivedSinceStart(expectation.agents)
        let who = expectation.agents.joined(separator: " or ")
        deviations.append(
            Deviation(
                requirement: expectation.requirement,
                level: requirementLevel(expectation.requirement),
                pointer: "",
                expected: JSONMatcher.describe(expected),
                actual: received.isEmpty
                    ? "nothing"
                    : received.suffix(5).map { "\($0.role): \($0.notification.data.abbreviated(limit: 160))" }
                        .joined(separator: "; "),
                message:
                    "no notification matching \(JSONMatcher.describe(expected)) reached \(who) within \(DurationText.milliseconds(timeouts.notification)) ms",
                erratum: erratum(expectation.requirement),
                curl: curl
            )
        )
        deviationCurl = deviationCurl ?? curl
        return .deviated
    }

    /// The first not-yet-matched notification since the case began, for any of the roles, matching `pattern`.
    func firstMatch(_ pattern: JSONPattern, among roles: [String], until deadline: ContinuousClock.Instant) async
        -> (String, ReceivedNotification, JSONMatch)?
    {
        let candidates = roles.compactMap { role in
            inboxes[role].map { (role, $0, cursors[role] ?? 0, consumed[role] ?? []) }
        }
        return await withTaskGroup(of: (String, ReceivedNotification)?.self) { group in
            for (role, inbox, cursor, excluded) in candidates {
                group.addTask {
                    await inbox.first(from: cursor, excluding: excluded, deadline: deadline) {
                        JSONMatcher.match(pattern, $0.data).isMatch
                    }.map { (role, $0) }
                }
            }
            defer { group.cancelAll() }
            for await found in group {
                if let (role, notification) = found {
                    return (role, notification, JSONMatcher.match(pattern, notification.data))
                }
            }
            return nil
        }
    }

    func receivedSinceStart(_ roles: [String]) async -> [(role: String, notification: ReceivedNotification)] {
        var received: [(role: String, notification: ReceivedNotification)] = []
        for role in roles {
            guard let inbox = inboxes[role] else { continue }
            let cursor = cursors[role] ?? 0
            received += await inbox.all().filter { $0.index >= cursor }.map { (role, $0) }
        }
        return received
    }

    /// Waits out the quiet period after the last step, then reports any notification that must not have arrived.
    func checkAbsences() async {
        guard !absences.isEmpty else { return }
        let quietEnd = lastActivity + timeouts.quietPeriod
        if quietEnd > clock.now { try? await Task.sleep(until: quietEnd, clock: clock) }
        for (expectation, pattern) in absences {
            for (role, notification) in await receivedSinceStart(expectation.agents)
            where JSONMatcher.match(pattern, notification.data).isMatch {
                deviations.append(
                    Deviation(
                        requirement: expectation.requirement,
                        level: requirementLevel(expectation.requirement),
                        pointer: "",
                        expected: "no notification matching \(JSONMatcher.describe(pattern)) for \(role)",
                        actual: notification.data.abbreviated(limit: 240),
                        message:
                            "\(role) received a notification it must not: \(notification.data.abbreviated(limit: 160))",
                        erratum: erratum(expectation.requirement),
                        curl: curl
                    )
                )
                deviationCurl = deviationCurl ?? curl
            }
        }
    }
}
