import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceReport

extension CaseExecution {
    func awaitNotification(_ expectation: NotificationExpectation) async throws -> StepOutcome {
        let expected = try judge.pattern(expectation.match, variables)
        for role in expectation.agents where inboxes[role] == nil {
            ledger.error =
                "no notification session for \(played(role)): "
                + (sessionProblems[role] ?? "the profile has no such agent")
            return .stopped
        }
        let budget = await health.budget(normal: timeouts.notification, short: timeouts.quietPeriod)
        var deadline = clock.now + budget
        let alternatives = try expectation.alternatives.compactMap { other in
            try other.match.map { (other, try judge.pattern($0, variables), other.agents ?? expectation.agents) }
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
                ledger.info.append(
                    "notification to \(role) has members the document does not name: "
                        + undocumented.map(\.description).joined(separator: ", ")
                )
            }
            if let observed = expectation.observes { ledger.observations.insert(observed) }
            return .passed
        }
        for (other, alternativePattern, roles) in alternatives {
            if let (role, notification, match) = await firstMatch(alternativePattern, among: roles, until: clock.now) {
                consume(notification, by: role, match: match)
                ledger.note(judge.alternativeNote(other) + " (received: \(notification.data.abbreviated(limit: 200)))")
                if let observed = other.observes { ledger.observations.insert(observed) }
                return .passed
            }
        }
        // When every session that could show the message was ended by the server, the case cannot be judged.
        let watched = Set(expectation.agents + alternatives.flatMap(\.2))
        var ended: [String] = []
        for role in watched.sorted() {
            if let reason = await inboxes[role]?.ended { ended.append("\(played(role)): \(reason)") }
        }
        if !ended.isEmpty, ended.count == watched.count {
            ledger.error =
                "the notification session ended (\(ended.joined(separator: "; "))); nothing more can arrive for it"
            return .stopped
        }
        await health.recordTimeout()
        let received = await receivedSinceStart(expectation.agents)
        var sessionProblems: [String] = []
        for role in expectation.agents {
            if let inbox = inboxes[role] { sessionProblems += await inbox.problems().suffix(2) }
        }
        ledger.record(
            [
                judge.missing(
                    expectation, expected: expected, received: received, sessionProblems: sessionProblems,
                    budget: budget, curl: ledger.curl)
            ])
        return .deviated
    }

    /// A notification satisfies one expectation: it is not matched again, and its captures are bound.
    func consume(_ notification: ReceivedNotification, by role: String, match: JSONMatch) {
        consumed[role, default: []].insert(notification.index)
        variables.merge(match.captures) { _, new in new }
        ledger.transcript.append("\(role) ⇐ \(notification.channel) \(notification.data.abbreviated(limit: 300))")
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
            ledger.unjudged(
                "cannot judge that \(played(role)) receives no notification: it has no notification session ("
                    + (sessionProblems[role] ?? "the profile has no such agent") + ")"
            )
            return
        }
        // A session the server ended shows nothing more: an absence on it cannot be judged.
        for role in roles {
            if let reason = await inboxes[role]?.ended {
                ledger.unjudged(
                    "cannot judge that \(played(role)) receives no notification: its notification session ended "
                        + "(\(reason))")
                return
            }
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
            ledger.note(note)
        case .failed(let why, _):
            ledger.unjudged("cannot judge the absence of notifications: \(why)")
            return
        }
        for (expectation, pattern, since) in absences {
            let received = await receivedSinceStart(expectation.agents, unmatched: true)
            for (role, notification) in Judge.breaking(pattern, since: since, markers: markers, in: received) {
                ledger.record(
                    [
                        judge.forbidden(
                            expectation, pattern: pattern, role: role, notification: notification, curl: ledger.curl)
                    ])
            }
        }
    }
}
