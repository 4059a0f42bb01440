import Bayeux
import ConformanceJSON

extension CaseExecution {
    func awaitNotification(_ expectation: NotificationExpectation) async throws -> StepOutcome {
        let expected = try pattern(expectation.match)
        for role in expectation.agents where inboxes[role] == nil {
            error = "no notification session for \(role): \(sessionProblems[role] ?? "the profile has no such agent")"
            return .stopped
        }
        let budget = await health.budget(normal: timeouts.notification, short: timeouts.quietPeriod)
        let deadline = clock.now + budget
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
        await health.recordTimeout()
        let received = await receivedSinceStart(expectation.agents)
        var sessionProblems: [String] = []
        for role in expectation.agents {
            if let inbox = inboxes[role] { sessionProblems += await inbox.problems().suffix(2) }
        }
        let who = expectation.agents.joined(separator: " or ")
        deviations.append(
            Deviation(
                requirement: expectation.requirement,
                level: requirementLevel(expectation.requirement),
                pointer: "",
                expected: JSONMatcher.describe(expected),
                actual: (received.isEmpty
                    ? "nothing"
                    : received.suffix(5).map { "\($0.role): \($0.notification.data.abbreviated(limit: 160))" }
                        .joined(separator: "; "))
                    + (sessionProblems.isEmpty
                        ? ""
                        : " (the notification session reported: "
                            + sessionProblems.joined(separator: "; ") + ")"),
                message:
                    "no notification matching \(JSONMatcher.describe(expected)) reached \(who) within \(DurationText.milliseconds(budget)) ms",
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

    /// What the roles received since the case began; `unmatched` leaves out what a step already matched.
    func receivedSinceStart(_ roles: [String], unmatched: Bool = false) async
        -> [(role: String, notification: ReceivedNotification)]
    {
        var received: [(role: String, notification: ReceivedNotification)] = []
        for role in roles {
            guard let inbox = inboxes[role] else { continue }
            let cursor = cursors[role] ?? 0
            let matched = unmatched ? consumed[role] ?? [] : []
            received += await inbox.all().filter { $0.index >= cursor && !matched.contains($0.index) }.map {
                (role, $0)
            }
        }
        return received
    }

    /// Once everything sent before now has surely arrived, reports any notification that must not have.
    func checkAbsences() async {
        guard !absences.isEmpty else { return }
        let roles = Array(Set(absences.flatMap(\.expectation.agents))).sorted()
        let markers = await barrier(for: roles)
        if markers == nil {
            let quietEnd = lastActivity + timeouts.quietPeriod
            if quietEnd > clock.now { try? await Task.sleep(until: quietEnd, clock: clock) }
        }
        let markerPatterns = (markers ?? []).map { JSONPattern.anywhere(.literal(.string($0))) }
        for (expectation, pattern) in absences {
            for (role, notification) in await receivedSinceStart(expectation.agents, unmatched: true)
            where JSONMatcher.match(pattern, notification.data).isMatch
                && !markerPatterns.contains(where: { JSONMatcher.match($0, notification.data).isMatch })
            {
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

    /// A barrier instead of a fixed wait: a marker interaction is routed to each watched agent through the
    /// fixtures; a target delivers an agent's notifications in order, so once the marker's invitation arrives,
    /// everything the case provoked earlier has arrived too. Returns the marker ids, or nil when the target
    /// cannot give a barrier (no HTTP fixtures, or a marker did not arrive) and the quiet period must do.
    func barrier(for roles: [String]) async -> [String]? {
        guard case .http = profile.fixtures else { return nil }
        let fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        var markers: [String] = []
        for role in roles {
            guard let account = Roles.account(role, in: profile), inboxes[role] != nil else { return nil }
            let mediaType = profile.mediaTypes.first ?? "email"
            guard
                let marker = try? await fixtures.createInteraction(
                    mediaType: mediaType,
                    agentId: account.id,
                    properties: .object(JSONObject())
                )
            else { return nil }
            markers.append(marker)
            let budget = await health.budget(normal: timeouts.notification, short: timeouts.quietPeriod)
            guard
                await firstMatch(.anywhere(.literal(.string(marker))), among: [role], until: clock.now + budget) != nil
            else {
                await health.recordTimeout()
                return nil
            }
            transcript.append("barrier: marker interaction \(marker) reached \(role)")
        }
        return markers
    }
}
