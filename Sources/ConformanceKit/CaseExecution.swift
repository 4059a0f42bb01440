import Bayeux
import ConformanceJSON
import Foundation

/// Runs one case: resets the target, performs the steps, and collects deviations into a `CaseResult`.
final class CaseExecution {
    let testCase: ConformanceCase
    let catalog: Catalog
    let profile: TargetProfile
    let timeouts: TargetProfile.Timeouts
    let client: TargetClient
    let inboxes: [String: NotificationInbox]
    let sessionProblems: [String: String]
    let health: NotificationHealth
    let observe: @Sendable (GoldenObservation) async -> Void
    let clock = ContinuousClock()

    var variables: [String: JSONValue] = [:]
    var deviations: [Deviation] = []
    var notes: [String] = []
    var info: [String] = []
    var transcript: [String] = []
    var error: String?
    var skipReason: String?
    var curl: String?
    var deviationCurl: String?
    /// Inbox positions when the case began: earlier notifications belong to other cases.
    var cursors: [String: Int] = [:]
    /// Inbox positions when the last step that can cause notifications began (a fixture call or a request that
    /// is not a GET): an expected notification must come after the step that causes it.
    var stepCursors: [String: Int] = [:]
    /// The reading alternatives the target was seen to follow.
    var observations: Set<Observation> = []
    /// Notifications a step has already matched, per role.
    var consumed: [String: Set<Int>] = [:]
    /// `noNotification` steps, checked together once the quiet period after the last step has passed.
    /// With the inbox positions before which messages do not count (`since: step`), else nil.
    var absences: [(expectation: NotificationExpectation, pattern: JSONPattern, since: [String: Int]?)] = []
    /// The shapes of the answers and notifications the case received (the report's `shapes`).
    var shapes = ShapeLog()
    lazy var lastActivity = clock.now

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
        self.catalog = catalog
        self.profile = profile
        self.timeouts = timeouts
        self.client = client
        self.inboxes = inboxes
        self.sessionProblems = sessionProblems
        self.health = health
        self.observe = observe
        self.variables = Self.profileVariables(profile)
    }

    /// The result of a case that could not start, e.g. because the fixture reset failed.
    static func errored(_ testCase: ConformanceCase, reason: String) -> CaseResult {
        var result = CaseResult(
            id: testCase.id,
            operation: testCase.operation,
            title: testCase.title,
            requirements: testCase.requirements,
            verdict: .error,
            error: reason
        )
        result.caseDigest = testCase.digest
        return result
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
                skipReason = "the profile has no account for the role \(missing)"
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
        if error == nil, skipReason == nil, !Task.isCancelled { await checkAbsences() }
        if Task.isCancelled { error = Runner.interruptedReason }
        await recordNotificationShapes()
        let verdict: Verdict =
            skipReason != nil ? .skip : CaseResult.verdict(deviations: deviations, notes: notes, error: error)
        var result = CaseResult(
            id: testCase.id,
            operation: testCase.operation,
            title: testCase.title,
            requirements: testCase.requirements,
            verdict: verdict,
            durationMs: DurationText.milliseconds(clock.now - start),
            deviations: deviations,
            notes: notes,
            info: info,
            error: error ?? skipReason,
            curl: deviationCurl ?? curl,
            transcript: transcript,
            readings: observations.isEmpty
                ? nil
                : Dictionary(grouping: observations, by: \.reading).mapValues { $0.map(\.alternative).sorted() }
        )
        result.caseDigest = testCase.digest
        return result
    }

    /// The shapes of the notifications the case's agents received while it held them.
    func recordNotificationShapes() async {
        for (role, inbox) in inboxes {
            let cursor = cursors[role] ?? 0
            for notification in await inbox.all().dropFirst(cursor) {
                shapes.recordNotification(notification, caseID: testCase.id)
            }
        }
    }

    /// Notes where the inboxes stand as a step that can cause notifications begins.
    func markStepStart() async {
        for (role, inbox) in inboxes { stepCursors[role] = await inbox.count }
    }

    /// Adds a step's deviations to the case, marking those that may only follow from an earlier step's.
    func record(_ found: [Deviation]) {
        guard !found.isEmpty else { return }
        var found = found
        if deviations.contains(where: { $0.level != .info }) {
            for index in found.indices { found[index].followsEarlier = true }
        }
        deviations += found
        if deviationCurl == nil { deviationCurl = found.first?.curl }
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
                    (expectation, try pattern(expectation.match), expectation.sinceStep ? stepCursors : nil))
                return .passed
            }
        } catch let unbound as Template.UnboundVariable {
            if Self.isProfileFact(unbound.name) {
                skipReason = "the profile does not provide ${\(unbound.name)}"
            } else if deviations.isEmpty {
                error = "\(unbound) (step at \(testCase.file):\(step.line ?? 0))"
            } else {
                info.append("stopped at \(testCase.file):\(step.line ?? 0): \(unbound), after the deviations above")
            }
            return .stopped
        } catch {
            self.error = "\(error) (step at \(testCase.file):\(step.line ?? 0))"
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
            transcript.append("fixture: new \(mediaType) interaction \(id) for \(create.agent) (\(account.id))")
            return .passed
        } catch {
            self.error = "\(error)"
            return .stopped
        }
    }

    /// Reads the matchers of a templated expectation.
    func pattern(_ template: JSONValue) throws -> JSONPattern {
        try JSONPattern(reading: Template.substitute(template, variables))
    }

    func requirementLevel(_ id: String) -> RequirementLevel {
        catalog.requirement(id)?.level ?? .must
    }

    func erratum(_ id: String) -> String? {
        catalog.requirement(id)?.erratum
    }

    /// A note for a reading of an erratum, quoting the document.
    func readingNote(_ reading: Reading) -> String {
        guard let id = reading.requirement, let requirement = catalog.requirement(id) else { return reading.note }
        return "\(reading.note) [\(id), \(requirement.section): \"\(requirement.quote)\"]"
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
