import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceReport

/// A barrier instead of a fixed wait, for the runner and the explorer alike: a marker interaction is routed to each
/// watched agent through the fixtures. A target delivers an agent's notifications in order, so once the marker's
/// invitation arrives, everything provoked earlier has arrived too (docs/fixtures.md, "The barrier").
package struct MarkerBarrier: Sendable {
    /// What a barrier gave.
    package enum Outcome: Sendable, Equatable {
        /// Every marker arrived: the marker interaction ids, in the order of the roles.
        case passed([String])
        /// The target has no way to give one (no HTTP fixtures): a quiet period must do.
        case unavailable(String)
        /// A marker could not be created or did not arrive in time; `reached`: the markers of the roles before it
        /// that did arrive.
        case failed(String, reached: [String] = [])
    }

    package let profile: TargetProfile
    package let fixtures: FixtureDriver
    /// Cuts the marker's wait short once waits keep timing out with nothing arriving, and learns of each timeout.
    package let health: NotificationHealth?

    package init(profile: TargetProfile, client: TargetClient, health: NotificationHealth?) {
        self.profile = profile
        self.fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        self.health = health
    }

    /// Routes a marker of `mediaType` to each of `roles`, all at once (each costs a fixture round trip and they do
    /// not depend on each other), and waits for each to reach the role's inbox. Only HTTP fixtures route markers:
    /// the profile's documented contract (docs/profile.md). `describe` names a role in messages.
    package func pass(
        roles: [String], inboxes: [String: NotificationInbox], mediaType: String,
        describe: @Sendable (String) -> String = { $0 }
    ) async -> Outcome {
        guard case .http = profile.fixtures else {
            return .unavailable("the profile's fixtures cannot route a marker interaction")
        }
        var watched: [(role: String, agentId: String, inbox: NotificationInbox)] = []
        for role in roles {
            guard let account = Roles.account(role, in: profile) else { return .failed("no account for \(role)") }
            guard let inbox = inboxes[role] else { return .failed("no notification session for \(describe(role))") }
            watched.append((role, account.id, inbox))
        }
        let outcomes = await withTaskGroup(of: (Int, RoleOutcome).self) { group in
            for (index, agent) in watched.enumerated() {
                group.addTask {
                    (index, await self.marker(to: agent.agentId, inbox: agent.inbox, mediaType: mediaType))
                }
            }
            var outcomes = [RoleOutcome](repeating: .arrived(""), count: watched.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
        var markers: [String] = []
        for (agent, outcome) in zip(watched, outcomes) {
            switch outcome {
            case .arrived(let marker):
                markers.append(marker)
            case .notCreated(let error):
                return .failed(
                    "the barrier's marker interaction for \(describe(agent.role)) could not be created: \(error)",
                    reached: markers)
            case .late(let marker, let budget):
                return .failed(
                    "the barrier's marker interaction \(marker) did not reach \(describe(agent.role)) within "
                        + "\(DurationText.milliseconds(budget)) ms", reached: markers)
            }
        }
        return .passed(markers)
    }

    private enum RoleOutcome: Sendable {
        case arrived(String)
        case notCreated(FixtureFailure)
        case late(String, Duration)
    }

    /// One marker: created, then awaited from what the inbox held before it was created.
    private func marker(to agentId: String, inbox: NotificationInbox, mediaType: String) async -> RoleOutcome {
        let cursor = await inbox.count
        let marker: String
        do throws(FixtureFailure) {
            marker = try await fixtures.createInteraction(
                mediaType: mediaType, agentId: agentId, properties: .object(JSONObject()))
        } catch {
            return .notCreated(error)
        }
        let normal = profile.timeouts.notification
        let budget = await health?.budget(normal: normal, short: profile.timeouts.quietPeriod) ?? normal
        let pattern = JSONPattern.anywhere(.literal(.string(marker)))
        guard
            await inbox.first(
                from: cursor, deadline: .now + budget, where: { JSONMatcher.match(pattern, $0.data).isMatch })
                != nil
        else {
            await health?.recordTimeout()
            return .late(marker, budget)
        }
        return .arrived(marker)
    }
}
