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
        var deadline = clock.now + budget
        let alternatives = try expectation.readings.compactMap { reading in
            try reading.match.map { (reading, try pattern($0), reading.agents ?? expectation.agents) }
        }
        if !alternatives.isEmpty {
            // Wait for the expected message or any alternative the document allows, then prefer the expected one:
            // a target following another reading is judged as soon as its message comes, not after the deadline.
            _ = await firstMatch(
                anyOf: [(expected, expectation.agents)] + alternatives.map { ($0.1, $0.2) }, until: deadline)
            deadline = clock.now
        }
        if let (role, notification, match) = await firstMatch(expected, among: expectation.agents, until: deadline) {
            consume(notification, by: role, match: match)
            let undocumented = DocumentedMembers.undocumented(match.extraMembers)
            if !undocumented.isEmpty {
                info.append(
                    "notification to \(role) has members the document does not name: "
                        + undocumented.map(\.description).joined(separator: ", ")
                )
            }
            if let observed = expectation.observes { observations.insert(observed) }
            return .passed
        }
        for (reading, alternativePattern, roles) in alternatives {
            if let (role, notification, match) = await firstMatch(alternativePattern, among: roles, until: clock.now) {
                consume(notification, by: role, match: match)
                notes.append(readingNote(reading) + " (received: \(notification.data.abbreviated(limit: 200)))")
                if let observed = reading.observes { observations.insert(observed) }
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
        record(
            [
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
                        "no notification matching \(JSONMatcher.describe(expected)) reached \(who) within \(DurationText.milliseconds(budget)) ms after the step that causes it",
                    erratum: erratum(expectation.requirement),
                    curl: curl
                )
            ]
        )
        return .deviated
    }

    /// A notification satisfies one expectation: it is not matched again, and its captures are bound.
    func consume(_ notification: ReceivedNotification, by role: String, match: JSONMatch) {
        consumed[role, default: []].insert(notification.index)
        variables.merge(match.captures) { _, new in new }
        transcript.append("\(role) ⇐ \(notification.channel) \(notification.data.abbreviated(limit: 300))")
    }

    /// The first not-yet-matched notification since the last step that can cause notifications began (see
    /// `stepCursors`), for any of the roles, matching `pattern`: a notification that came earlier, or that a step
    /// already matched, never satisfies an expectation.
    func firstMatch(_ pattern: JSONPattern, among roles: [String], until deadline: ContinuousClock.Instant) async
        -> (String, ReceivedNotification, JSONMatch)?
    {
        guard let (role, notification) = await firstMatch(anyOf: [(pattern, roles)], until: deadline) else {
            return nil
        }
        return (role, notification, JSONMatcher.match(pattern, notification.data))
    }

    /// The first not-yet-matched notification (as above) that matches any of the patterns for its roles, and the
    /// role that received it.
    func firstMatch(anyOf patterns: [(JSONPattern, [String])], until deadline: ContinuousClock.Instant) async
        -> (String, ReceivedNotification)?
    {
        // `stepCursors` starts as the case's cursors and moves with every step that can cause notifications.
        let candidates = patterns.flatMap { pattern, roles in
            roles.compactMap { role in
                inboxes[role].map { (pattern, role, $0, stepCursors[role] ?? 0, consumed[role] ?? []) }
            }
        }
        return await withTaskGroup(of: (String, ReceivedNotification)?.self) { group in
            for (pattern, role, inbox, cursor, excluded) in candidates {
                group.addTask {
                    await inbox.first(from: cursor, excluding: excluded, deadline: deadline) {
                        JSONMatcher.match(pattern, $0.data).isMatch
                    }.map { (role, $0) }
                }
            }
            defer { group.cancelAll() }
            for await found in group {
                if let found { return found }
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

    /// Once everything sent before now has surely arrived, reports any notification that must not have. An
    /// absence that cannot be judged (no session, no barrier) makes the case ERROR, never PASS.
    func checkAbsences() async {
        guard !absences.isEmpty else { return }
        let roles = Array(Set(absences.flatMap(\.expectation.agents))).sorted()
        if let role = roles.first(where: { inboxes[$0] == nil }) {
            unjudged(
                "cannot judge that \(role) receives no notification: no notification session for \(role) ("
                    + (sessionProblems[role] ?? "the profile has no such agent") + ")"
            )
            return
        }
        var markers: [String] = []
        switch await barrier(for: roles) {
        case .passed(let ids):
            markers = ids
        case .unavailable(let why):
            let quietEnd = lastActivity + timeouts.quietPeriod
            if quietEnd > clock.now { try? await Task.sleep(until: quietEnd, clock: clock) }
            let note =
                "The absence of notifications was judged by a quiet period of "
                + "\(DurationText.milliseconds(timeouts.quietPeriod)) ms only (\(why)): a notification sent later "
                + "would go unseen."
            if !notes.contains(note) { notes.append(note) }
        case .failed(let why):
            unjudged("cannot judge the absence of notifications: \(why)")
            return
        }
        let markerPatterns = markers.map { JSONPattern.anywhere(.literal(.string($0))) }
        for (expectation, pattern, since) in absences {
            for (role, notification) in await receivedSinceStart(expectation.agents, unmatched: true)
            where notification.index >= since?[role] ?? 0
                && JSONMatcher.match(pattern, notification.data).isMatch
                && !markerPatterns.contains(where: { JSONMatcher.match($0, notification.data).isMatch })
            {
                record(
                    [
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
                    ]
                )
            }
        }
    }

    /// A check that could not be judged: ERROR, unless the case already FAILs (then the reason is kept as INFO).
    func unjudged(_ reason: String) {
        if deviations.contains(where: { $0.level == .must }) {
            info.append(reason)
        } else {
            error = reason
        }
    }

    /// What a barrier gave.
    enum BarrierOutcome {
        /// Every marker arrived: the marker interaction ids.
        case passed([String])
        /// The target has no way to give one (no HTTP fixtures): the quiet period must do.
        case unavailable(String)
        /// A marker could not be created or did not arrive in time.
        case failed(String)
    }

    /// A barrier instead of a fixed wait: a marker interaction is routed to each watched agent through the
    /// fixtures; a target delivers an agent's notifications in order, so once the marker's invitation arrives,
    /// everything the case provoked earlier has arrived too.
    func barrier(for roles: [String]) async -> BarrierOutcome {
        guard case .http = profile.fixtures else {
            return .unavailable("the profile's fixtures cannot route a marker interaction")
        }
        let fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        var accounts: [String] = []
        for role in roles {
            guard let account = Roles.account(role, in: profile) else { return .failed("no account for \(role)") }
            accounts.append(account.id)
        }
        // The markers are created all at once: each costs a fixture round trip, and they do not depend on
        // each other.
        let mediaType = profile.mediaTypes.first ?? "email"
        let created = await withTaskGroup(of: (Int, Result<String, FixtureDriver.Failure>).self) { group in
            for (index, agentId) in accounts.enumerated() {
                group.addTask {
                    do throws(FixtureDriver.Failure) {
                        let marker = try await fixtures.createInteraction(
                            mediaType: mediaType, agentId: agentId, properties: .object(JSONObject()))
                        return (index, .success(marker))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var created = [Result<String, FixtureDriver.Failure>?](repeating: nil, count: accounts.count)
            for await (index, outcome) in group { created[index] = outcome }
            return created.compactMap { $0 }
        }
        var markers: [String] = []
        for (role, outcome) in zip(roles, created) {
            let marker: String
            switch outcome {
            case .success(let id): marker = id
            case .failure(let error):
                return .failed("the barrier's marker interaction for \(role) could not be created: \(error)")
            }
            markers.append(marker)
            let budget = await health.budget(normal: timeouts.notification, short: timeouts.quietPeriod)
            guard
                await firstMatch(.anywhere(.literal(.string(marker))), among: [role], until: clock.now + budget) != nil
            else {
                await health.recordTimeout()
                return .failed(
                    "the barrier's marker interaction \(marker) did not reach \(role) within "
                        + "\(DurationText.milliseconds(budget)) ms")
            }
            transcript.append("barrier: marker interaction \(marker) reached \(role)")
        }
        return .passed(markers)
    }
}
