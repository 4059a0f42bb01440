import Bayeux
import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceReport
import Foundation

/// Runs one case against the target: the I/O driver. It sends the steps' requests and fixture calls, watches the
/// agents' inboxes and binds variables; `Judge` decides what each answer and notification means, and
/// `CaseLedger` keeps what was found and makes the `CaseResult`.
final class CaseExecution {
    let testCase: ConformanceCase
    let profile: TargetProfile
    let timeouts: TargetProfile.Timeouts
    let client: TargetClient
    let inboxes: [String: NotificationInbox]
    let sessionProblems: [String: String]
    let health: NotificationHealth
    let observe: @Sendable (GoldenObservation) async -> Void
    let judge: Judge
    let clock = ContinuousClock()

    var ledger: CaseLedger
    var variables: [String: JSONValue] = [:]
    /// Inbox positions when the case began: earlier notifications belong to other cases.
    var cursors: [String: Int] = [:]
    /// Inbox positions when the last step that can cause notifications began (a fixture call or a request that
    /// is not a GET): an expected notification must come after the step that causes it.
    var stepCursors: [String: Int] = [:]
    /// Notifications a step has already matched, per role.
    var consumed: [String: Set<Int>] = [:]
    /// `noNotification` steps, checked together once the quiet period after the last step has passed.
    /// With the inbox positions before which messages do not count (`since: step`), else nil.
    var absences: [(expectation: NotificationExpectation, pattern: JSONPattern, since: [String: Int]?)] = []
    lazy var lastActivity = clock.now
    /// The variable names (`ix`) the case's interactions are bound to, in order of creation.
    var interactionNames: [String] = []
    /// What the case's agents saw of its interactions after the last request, while no request since may have
    /// changed it: the snapshot before the next refusal, read once for consecutive refusals.
    var snapshot: StateSnapshot?
    /// Whether the step under way sent another request (an alternative) that was not refused: then the
    /// state may have changed as asked, and a refusal of its first request proves nothing about it.
    var sentUnrefused = false

    init(
        testCase: ConformanceCase,
        catalog: Catalog,
        profile: TargetProfile,
        timeouts: TargetProfile.Timeouts,
        client: TargetClient,
        inboxes: [String: NotificationInbox],
        sessionProblems: [String: String],
        health: NotificationHealth,
        observe: @escaping @Sendable (GoldenObservation) async -> Void = { _ in }
    ) {
        self.testCase = testCase
        self.profile = profile
        self.timeouts = timeouts
        self.client = client
        self.inboxes = inboxes
        self.sessionProblems = sessionProblems
        self.health = health
        self.observe = observe
        self.judge = Judge(catalog: catalog, profile: profile)
        self.ledger = CaseLedger(testCase)
        self.variables = Self.profileVariables(profile)
    }

    /// What a step's outcome means for the steps after it.
    enum StepOutcome {
        case passed
        case deviated
        case stopped
    }

    func run() async -> CaseResult {
        let start = clock.now
        execute: do {
            if let missing = testCase.roles.first(where: { Roles.account($0, in: profile) == nil }) {
                ledger.skipReason = "the profile has no account for the role \(missing)"
                break execute
            }
            let fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
            for (role, inbox) in inboxes { cursors[role] = await inbox.count }
            stepCursors = cursors
            for step in testCase.given where await perform(step, fixtures: fixtures) != .passed {
                break execute
            }
            for step in testCase.steps where await perform(step, fixtures: fixtures) == .stopped {
                break execute
            }
        }
        if ledger.error == nil, ledger.skipReason == nil, !Task.isCancelled { await checkAbsences() }
        if Task.isCancelled { ledger.error = Runner.interruptedReason }
        await recordNotificationShapes()
        return ledger.result(durationMs: DurationText.milliseconds(clock.now - start))
    }

    /// The shapes of the notifications the case's agents received while it held them.
    func recordNotificationShapes() async {
        for (role, inbox) in inboxes {
            let cursor = cursors[role] ?? 0
            for notification in await inbox.all().dropFirst(cursor) {
                ledger.shapes.recordNotification(notification, caseID: testCase.id)
            }
        }
    }

    /// Notes where the inboxes stand as a step that can cause notifications begins.
    func markStepStart() async {
        for (role, inbox) in inboxes { stepCursors[role] = await inbox.count }
    }

    func perform(_ step: Step, fixtures: FixtureDriver) async -> StepOutcome {
        defer { lastActivity = clock.now }
        do {
            switch step {
            case .createInteraction(let create):
                return try await createInteraction(create, fixtures: fixtures)
            case .request(let request):
                return try await perform(request)
            case .notification(let expectation):
                return try await awaitNotification(expectation)
            case .noNotification(let expectation):
                absences.append(
                    (
                        expectation, try judge.pattern(expectation.match, variables),
                        expectation.sinceStep ? stepCursors : nil
                    ))
                return .passed
            }
        } catch let unbound as Template.UnboundVariable {
            if Self.isProfileFact(unbound.name) {
                ledger.skipReason = "the profile does not provide ${\(unbound.name)}"
            } else if ledger.deviations.isEmpty {
                ledger.error = "\(unbound) (step at \(testCase.file):\(step.line ?? 0))"
            } else {
                ledger.info.append(
                    "stopped at \(testCase.file):\(step.line ?? 0): \(unbound), after the deviations above")
            }
            return .stopped
        } catch {
            ledger.error = "\(error) (step at \(testCase.file):\(step.line ?? 0))"
            return .stopped
        }
    }

    func createInteraction(_ create: CreateInteractionStep, fixtures: FixtureDriver) async throws -> StepOutcome {
        guard let account = Roles.account(create.agent, in: profile) else { return .stopped }
        await markStepStart()
        let mediaType =
            try create.mediaType.map { try Template.substitute($0, variables) } ?? variables["mediaType"]?
            .stringValue ?? "email"
        do {
            let id = try await fixtures.createInteraction(
                mediaType: mediaType,
                agentId: account.id,
                properties: try Template.substitute(create.properties, variables)
            )
            variables[create.bindAs + ".id"] = .string(id)
            interactionNames.append(create.bindAs)
            snapshot = nil
            ledger.transcript.append("fixture: new \(mediaType) interaction \(id) for \(create.agent) (\(account.id))")
            return .passed
        } catch {
            ledger.error = "\(error)"
            return .stopped
        }
    }

    /// Names the profile provides (queues, workbins, media types, accounts), as opposed to captured values.
    static func isProfileFact(_ name: String) -> Bool {
        ["queue", "workbin", "mediaType", "agent", "admin"].contains { name.hasPrefix($0) }
    }

    static func profileVariables(_ profile: TargetProfile) -> [String: JSONValue] {
        var variables: [String: JSONValue] = [
            "baseURL": .string(profile.baseURL), "notificationsURL": .string(profile.notificationsURL),
        ]
        for role in Roles.all {
            guard let account = Roles.account(role, in: profile) else { continue }
            variables[role + ".id"] = .string(account.id)
            variables[role + ".username"] = .string(account.username)
        }
        for (name, values) in [
            ("queue", profile.queues), ("workbin", profile.workbins), ("mediaType", profile.mediaTypes),
        ] {
            for (index, value) in values.enumerated() {
                variables[index == 0 ? name : name + String(index + 1)] = .string(value)
            }
        }
        return variables
    }
}
