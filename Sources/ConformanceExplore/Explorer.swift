import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel
import ConformanceReport

/// Runs explored sequences against a target and judges every answer and notification against the model of the
/// document: one interaction per sequence, routed to the first agent after a reset, then each step's requests.
/// Answers are judged with the catalog's own checks (its presets, goldens and requirements); notifications with
/// its matchers, through one Bayeux session per agent held for the whole exploration.
public struct Explorer: Sendable {
    /// The first thing the model does not allow.
    public struct Failure: Sendable, Hashable {
        /// The step, counted from 0; -1 before the first step (the interaction's invitation).
        public var step: Int
        public var requirement: String
        public var message: String
        /// What the document allowed there, when the failure is an answer.
        public var allowed: Set<ModelOutcome>
        /// Steps of the written case that show it after the sequence's own (a notification awaited).
        package var caseSteps: [YAMLValue] = []
        /// What the model allowed there, and what came back, for the report; nil: the message says it.
        public var expected: String?
        public var actual: String?
        /// The operation and the part its agent played ("PlaceInWorkbin by party"): one finding per requirement
        /// and site.
        public var site = Failure.unplaced
        /// The site of a failure not yet given one: a notification's, unless its step gives it another.
        static let unplaced = "notification"
        /// Judged after the last step (a notification): every step may matter, not only those up to `step`.
        public var afterTheLastStep = false
    }

    let profile: TargetProfile
    let client: TargetClient
    let fixtures: FixtureDriver
    let judge: Judge
    public let model: ModelProfile
    /// The agents' notification sessions; without them, notifications are not judged.
    var inboxes: [String: NotificationInbox] = [:]
    /// Cuts the waits short once they keep timing out with nothing arriving.
    var health: NotificationHealth?
    /// Requirements already reported: their notifications are no longer awaited, so a target that never sends
    /// one does not cost a wait in every later sequence.
    var reported: Set<String> = []
    /// The checks of every expectation the explorer judges answers by, read once from the catalog.
    let expectations: [AnswerExpectation: [Check]]

    /// Fails when the catalog lacks a preset or golden the explorer judges by.
    public init(profile: TargetProfile, client: TargetClient, catalog: Catalog) throws(InputFileError) {
        self.profile = profile
        self.client = client
        self.fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        self.judge = Judge(catalog: catalog, profile: profile)
        self.model = ModelProfile(
            agents: ["agent1", "agent2", "agent3"].filter { Roles.account($0, in: profile) != nil },
            queues: profile.queues, workbins: profile.workbins, admin: profile.admin != nil)
        var expectations: [AnswerExpectation: [Check]] = [:]
        for expectation in AnswerExpectation.all {
            expectations[expectation] = try catalog.checks(expectation.expect, operation: expectation.operation)
        }
        self.expectations = expectations
    }

    /// The same explorer judging notifications too, from these sessions.
    func watching(_ inboxes: [String: NotificationInbox]) -> Explorer {
        var explorer = self
        explorer.inboxes = inboxes
        explorer.health = inboxes.isEmpty ? nil : NotificationHealth(inboxes: Array(inboxes.values))
        return explorer
    }

    /// Runs `steps` on a new interaction of `mediaType` (the profile's first by default); the first thing the model
    /// does not allow, or nil. `pinned` carries the readings the target showed in earlier sequences, and comes back
    /// with this sequence's.
    public func run(_ steps: [ExploreStep], mediaType: String? = nil, pinned: inout [String: String])
        async throws(FixtureFailure) -> Failure?
    {
        try await fixtures.reset()
        guard let first = model.agents.first, let account = Roles.account(first, in: profile) else { return nil }
        let start = await cursors()
        let id = try await fixtures.createInteraction(
            mediaType: mediaType ?? profile.mediaTypes.first ?? "email", agentId: account.id,
            properties: .object(JSONObject()))
        var interaction = InteractionModel(invitedAgent: first, profile: model, pinned: pinned)
        defer { pinned = interaction.pinned.merging(pinned) { current, _ in current } }
        let invitation = await awaitInvitation(of: id, by: first, from: start[first])
        if let failure = invitation.failure { return failure }
        let invitedState = invitation.state
        var awaited: [AwaitedNotice] = []
        // The invitation comes once (NOTIFY-ONCE, a SHOULD): no second one, unless a step may invite agent1 again.
        if let index = invitation.index {
            let once = Notice(.invitation, to: [first], requirement: "NOTIFY-ONCE", forbidden: true)
            awaited.append(AwaitedNotice(notice: once, step: -1, cursors: [first: index + 1]))
        }
        for (index, step) in steps.enumerated() {
            let cursors = await cursors()
            let site = Self.site(of: step, in: interaction)
            var failure: Failure?
            switch step {
            case .listing(let agent), .uris(let agent):
                failure = await look(step, by: agent, at: index, on: id, model: &interaction, pinned: &pinned)
            case .operation(let agent, let operation):
                failure = await act(
                    ExploreAction(agent, operation), at: index, on: id, model: &interaction, pinned: &pinned)
                awaited += interaction.notices.map { AwaitedNotice(notice: $0, step: index, cursors: cursors) }
            case .stray(let agent, let operation, let stray):
                failure = await sendStray(ExploreAction(agent, operation), stray, at: index, on: id, pinned: &pinned)
            case .probe(let agent, let kind):
                failure = await probe(kind, by: agent, at: index, on: id, model: interaction, pinned: &pinned)
            case .admin(let operation):
                failure = await sendAsAdmin(operation, at: index, on: id, pinned: &pinned)
            case .pair(let one, let other):
                failure = await actAtOnce((one, other), at: index, on: id, model: &interaction, pinned: &pinned)
                awaited += interaction.notices.map { AwaitedNotice(notice: $0, step: index, cursors: cursors) }
            }
            if failure?.site == Failure.unplaced { failure?.site = site }
            if let failure { return failure }
            // A notification forbidden to an agent that a step may invite again is no longer judged: after a Reject
            // or a hand-over, while the interaction waits in a queue or a workbin or is with an agent not watched
            // (any of which may route it back), and past the point the model defines.
            if awaited.contains(where: \.notice.forbidden),
                step.mayInvite || interaction.worlds.contains(where: \.mayBeRoutedAgain)
            {
                awaited.removeAll(where: \.notice.forbidden)
            }
        }
        var failure = await judgeNotifications(
            awaited, on: id, since: start, lastStep: steps.count - 1, invitedState: invitedState,
            mediaType: mediaType, model: &interaction)
        failure?.afterTheLastStep = true
        return failure
    }

    /// Where a step acts, for telling findings apart: its operation and the part its agent plays.
    static func site(of step: ExploreStep, in model: InteractionModel) -> String {
        switch step {
        case .operation(let agent, let operation): "\(operation.name) by \(model.role(of: agent))"
        case .listing(let agent), .uris(let agent): "listing by \(model.role(of: agent))"
        case .stray(_, let operation, let stray): "\(operation.name) \(stray.rawValue)"
        case .probe(let agent, let probe):
            "\(probe.rawValue) by \(agent == ExploreProbe.admin ? agent : model.role(of: agent))"
        case .admin(let operation): "\(operation.name) by admin"
        case .pair(let one, let other):
            "\(one.operation.name) by \(model.role(of: one.agent)) | \(other.operation.name) by "
                + model.role(of: other.agent)
        }
    }

    /// The requirement and message of the first MUST deviation of a judgement, as a failure at `step`.
    static func failure(_ judgement: Judgement, at step: Int, allowed: Set<ModelOutcome>) -> Failure? {
        guard let deviation = judgement.deviations.first(where: { $0.level == .must }) else { return nil }
        var failure = Failure(
            step: step, requirement: deviation.requirement, message: deviation.message, allowed: allowed)
        (failure.expected, failure.actual) = (deviation.expected, deviation.actual)
        return failure
    }

    /// Keeps the reading alternatives an answer showed, the first one seen of each. An answer that shows another
    /// alternative than one seen before is a target that follows two readings of one point: the failure
    /// (READING-CONSISTENT, a SHOULD), which the caller reports when the answer breaks nothing worse.
    @discardableResult
    static func record(_ judgement: Judgement, in pinned: inout [String: String], at step: Int) -> Failure? {
        var conflict: Failure?
        for observation in judgement.observations {
            guard let earlier = pinned[observation.reading] else {
                pinned[observation.reading] = observation.alternative
                continue
            }
            guard earlier != observation.alternative, conflict == nil else { continue }
            var failure = Failure(
                step: step, requirement: "READING-CONSISTENT",
                message: "the answer follows \(observation.reading)=\(observation.alternative), an earlier one "
                    + "\(observation.reading)=\(earlier): two readings of one point in one run",
                allowed: [])
            (failure.expected, failure.actual) =
                ("\(observation.reading)=\(earlier)", "\(observation.reading)=\(observation.alternative)")
            // One finding per reading, whichever operation showed it.
            failure.site = "the reading \(observation.reading)"
            conflict = failure
        }
        return conflict
    }
}
