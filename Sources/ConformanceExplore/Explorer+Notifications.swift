import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel
import ConformanceReport

/// A notification the model requires, with the step that required it and where each agent's inbox stood before
/// that step was sent (a notification that arrived earlier cannot answer it).
struct AwaitedNotice: Sendable {
    var notice: Notice
    var step: Int
    var cursors: [String: Int]
}

/// Notifications, judged with the catalog's matchers: the invitation that starts each sequence, the notifications
/// the model requires (awaited once a barrier shows everything sent before it has arrived), and no message about
/// the interaction to an agent it never concerned.
extension Explorer {
    /// Where each agent's inbox stands: later waits start from here.
    func cursors() async -> [String: Int] {
        var cursors: [String: Int] = [:]
        for (role, inbox) in inboxes { cursors[role] = await inbox.count }
        return cursors
    }

    /// Waits for the interaction's invitation (a remote target may route it after the fixture answers): the
    /// failure when none came, else the invitation: the state it names (what later invitations look like), if
    /// any, and where it arrived.
    func awaitInvitation(of id: String, by agent: String, from cursor: Int?) async
        -> (failure: Failure?, state: String?, index: Int?)
    {
        guard let inbox = inboxes[agent] else { return (nil, nil, nil) }
        let pattern = Self.pattern(["id": "${ix.id}"], id: id)
        let budget = await waitBudget()
        if let invitation = await inbox.first(
            from: cursor ?? 0, deadline: .now + budget, where: Self.matching(pattern))
        {
            return (nil, Self.state(of: id, in: invitation.data), invitation.index)
        }
        await health?.recordTimeout()
        let failure = Failure(
            step: -1, requirement: "NOTIFY-INVITED",
            message: "the interaction routed to \(agent) sent it no message with its id within "
                + "\(DurationText.milliseconds(budget)) ms",
            allowed: [],
            caseSteps: [
                Self.notificationStep(agents: [agent], match: ["id": "${ix.id}"], requirement: "NOTIFY-INVITED")
            ])
        return (failure, nil, nil)
    }

    /// The `state` of the first object of `message` about the interaction `id`.
    static func state(of id: String, in message: JSONValue) -> String? {
        switch message {
        case .object(let object):
            if object["id"]?.stringValue == id, let state = object["state"]?.stringValue { return state }
            return object.lazy.compactMap { state(of: id, in: $0.value) }.first
        case .array(let elements): return elements.lazy.compactMap { state(of: id, in: $0) }.first
        default: return nil
        }
    }

    /// After the last step: a barrier, then the notifications a MUST requires or forbids, then no message to a
    /// stranger, then those of a SHOULD (a SHOULD never hides a MUST of the same sequence).
    func judgeNotifications(
        _ awaited: [AwaitedNotice], on id: String, since start: [String: Int], lastStep: Int, invitedState: String?,
        mediaType: String?, model: inout InteractionModel
    ) async -> Failure? {
        guard !inboxes.isEmpty else { return nil }
        let awaited = awaited.filter { !reported.contains($0.notice.requirement) }
        // Only the agents something is judged for need the barrier: the recipients of a required notification
        // and the agents the interaction never concerned.
        let strangers = Set(model.profile.agents).subtracting(model.involved)
        // Agents that may hear of it in some allowed state only (after a Reject, the one it was presented to).
        let uncertain = model.uncertainHearers
        let watched = strangers.union(uncertain).union(awaited.flatMap(\.notice.recipients))
        guard !watched.isEmpty else { return nil }
        let barrier = await barrier(for: watched, mediaType: mediaType)
        let must = awaited.filter { judge.level($0.notice.requirement) == .must }
        // The repeated invitation, awaited since the start, after what follows from a step.
        let should = awaited.filter { judge.level($0.notice.requirement) != .must }.sorted { $0.step > $1.step }
        let context = NoticeContext(id: id, invitedState: invitedState, barrierPassed: barrier)
        if let failure = await judge(must, context, model: &model) { return failure }
        if let failure = await hearers(
            strangers: strangers, uncertain: uncertain, since: start, lastStep: lastStep,
            id: id, model: &model)
        {
            return failure
        }
        return await judge(should, context, model: &model)
    }

    /// What the notices are judged against: the interaction, its invitation's state, and whether the barrier passed.
    struct NoticeContext {
        var id: String
        var invitedState: String?
        var barrierPassed: Bool
    }

    /// The first notice of `items` not kept: a required one that did not arrive, a forbidden one that did.
    func judge(_ items: [AwaitedNotice], _ context: NoticeContext, model: inout InteractionModel) async -> Failure? {
        for item in items {
            // Once the barrier has passed, what was sent before it has arrived; a little grace covers a target
            // that publishes a change's notifications a moment after its answer.
            let deadline =
                ContinuousClock.now
                + (context.barrierPassed ? profile.timeouts.quietPeriod : profile.timeouts.notification)
            guard let match = Self.matcher(item.notice.kind, invitedState: context.invitedState) else { continue }
            let pattern = Self.pattern(match, id: context.id)
            if item.notice.forbidden {
                if let failure = await arrivedAnyway(
                    item, pattern: pattern, match: match, on: context.id, invitedState: context.invitedState)
                {
                    return failure
                }
                continue
            }
            var received: Set<String> = []
            for recipient in item.notice.recipients.sorted() {
                guard let inbox = inboxes[recipient] else { continue }
                if await inbox.first(
                    from: item.cursors[recipient] ?? 0, deadline: deadline, where: Self.matching(pattern)) != nil
                {
                    received.insert(recipient)
                }
            }
            if received.isEmpty, item.notice.recipients.allSatisfy({ inboxes[$0] != nil }) {
                return Failure(
                    step: item.step, requirement: item.notice.requirement,
                    message: "after step \(item.step + 1), \(item.notice): none arrived", allowed: [],
                    caseSteps: [
                        Self.notificationStep(
                            agents: item.notice.recipients.sorted(), match: match,
                            requirement: item.notice.requirement)
                    ])
            }
            // Only one of the agents the reading leaves open heard of it: the target follows that alternative.
            if item.notice.recipients.count > 1, received.count == 1, let only = received.first,
                let reading = item.notice.reading, let alternative = item.notice.alternatives[only]
            {
                model.pin(reading, alternative)
            }
        }
        return nil
    }

    /// No message about the interaction to an agent it never concerned, and the agents that may hear of it in some
    /// states only must, together, fit one state (NOTIFY-OWN-ONLY).
    func hearers(
        strangers: Set<String>, uncertain: Set<String>, since start: [String: Int], lastStep: Int, id: String,
        model: inout InteractionModel
    ) async -> Failure? {
        // Any mention: the id as a value, or inside one (a URI in a nested member).
        let mention = Self.pattern(Self.mentions, id: id)
        for agent in strangers.sorted() {
            guard let inbox = inboxes[agent], let cursor = start[agent],
                let message = await inbox.first(from: cursor, deadline: .now, where: Self.matching(mention))
            else { continue }
            return Failure(
                step: lastStep, requirement: "NOTIFY-OWN-ONLY",
                message: "\(agent), which the interaction never concerned, received a message about it: "
                    + message.data.abbreviated(limit: 200),
                allowed: [],
                caseSteps: [
                    Self.noNotificationStep(agent: agent, match: Self.mentions, requirement: "NOTIFY-OWN-ONLY")
                ])
        }
        var heard: Set<String> = []
        for agent in uncertain.sorted() {
            guard let inbox = inboxes[agent], let cursor = start[agent],
                await inbox.first(from: cursor, deadline: .now, where: Self.matching(mention)) != nil
            else { continue }
            heard.insert(agent)
        }
        if !heard.isEmpty, !model.observeHearers(heard) {
            let names = heard.sorted().joined(separator: " and ")
            return Failure(
                step: lastStep, requirement: "NOTIFY-OWN-ONLY",
                message: "\(names) all received messages about the interaction, but in no state the document allows "
                    + "do they all have a part in it (a rejected interaction is presented to one other agent)",
                allowed: [])
        }
        return nil
    }

    /// A notification that must not arrive and did, once the barrier passed: the failure. With `after`, only one
    /// that arrived after the first message of that kind counts.
    func arrivedAnyway(
        _ item: AwaitedNotice, pattern: JSONPattern, match: JSONValue, on id: String, invitedState: String?
    ) async -> Failure? {
        for recipient in item.notice.recipients.sorted() {
            guard let inbox = inboxes[recipient] else { continue }
            var from = item.cursors[recipient] ?? 0
            if let kind = item.notice.after {
                guard let after = Self.matcher(kind, invitedState: invitedState),
                    let first = await inbox.first(
                        from: from, deadline: .now, where: Self.matching(Self.pattern(after, id: id)))
                else { continue }
                from = first.index + 1
            }
            guard let message = await inbox.first(from: from, deadline: .now, where: Self.matching(pattern))
            else { continue }
            return Failure(
                step: item.step, requirement: item.notice.requirement,
                message: (item.step >= 0 ? "after step \(item.step + 1)" : "after the invitation")
                    + ", \(item.notice): one arrived, "
                    + message.data.abbreviated(limit: 200),
                allowed: [],
                caseSteps: [
                    Self.noNotificationStep(
                        agent: recipient, match: match, sinceStep: item.step >= 0,
                        requirement: item.notice.requirement)
                ])
        }
        return nil
    }

    /// The shared marker barrier (``MarkerBarrier``) for the watched agents that have a session, under the
    /// sequence's media type. Without one (fixtures that cannot route a marker) the quiet period passes first, as
    /// in a run: whether the barrier passed decides only how long a required notification is then awaited.
    func barrier(for roles: Set<String>, mediaType: String?) async -> Bool {
        let roles = roles.sorted().filter { inboxes[$0] != nil && Roles.account($0, in: profile) != nil }
        let outcome = await MarkerBarrier(profile: profile, client: client, health: health).pass(
            roles: roles, inboxes: inboxes, mediaType: mediaType ?? profile.mediaTypes.first ?? "email")
        switch outcome {
        case .passed: return true
        case .unavailable:
            try? await Task.sleep(for: profile.timeouts.quietPeriod)
            return false
        case .failed: return false
        }
    }

    /// How long a notification may take: the profile's deadline, or its quiet period once waits keep timing out
    /// with nothing arriving at all.
    func waitBudget() async -> Duration {
        await health?.budget(normal: profile.timeouts.notification, short: profile.timeouts.quietPeriod)
            ?? profile.timeouts.notification
    }

    static func matching(_ pattern: JSONPattern) -> @Sendable (ReceivedNotification) -> Bool {
        { JSONMatcher.match(pattern, $0.data).differences.isEmpty }
    }
}
