import Bayeux
import ConformanceCatalog
import ConformanceKit
import ConformanceModel
import ConformanceReport
import Foundation

/// `conformance explore`: generated sequences run against the target and judged by the model of the document;
/// each failing sequence shrunk to the fewest steps that still fail and written as a catalog case.
public enum Exploration {
    public struct Options: Sendable {
        public var seed: UInt64
        public var sequences: Int
        public var steps: Int
        /// One step in four a pair of requests sent at once.
        public var concurrency: Bool

        public init(seed: UInt64, sequences: Int, steps: Int, concurrency: Bool = false) {
            self.seed = seed
            self.sequences = sequences
            self.steps = steps
            self.concurrency = concurrency
        }
    }

    /// One deviation found, shrunk.
    public struct Finding: Sendable, Codable, Hashable {
        public var requirement: String
        public var message: String
        /// The sequence (from 0) that first showed it.
        public var sequence: Int
        public var originalSteps: Int
        /// The shrunk steps, in words; the last one deviates.
        public var steps: [String]
        /// The shrunk sequence as an operation file of the catalog.
        public var caseYAML: String
        /// Where it was first seen: the operation and the part its agent played ("PlaceInWorkbin by party").
        public var site: String?
        /// What the model allowed, and what came back; nil: the message says it.
        public var expected: String?
        public var actual: String?
    }

    public struct Result: Sendable, Codable {
        public var seed: UInt64
        public var sequences: Int
        public var stepsPerSequence: Int
        public var concurrency: Bool
        /// Whether notifications were judged (every agent's session opened, invitations arrived), and why not.
        public var notificationsJudged: Bool
        public var notificationProblems: [String]
        /// Steps sent while exploring and shrinking.
        public var stepsRun: Int
        public var durationMs: Int
        public var findings: [Finding]
        /// The readings the target showed, as the model pinned them (under the profile's first media type).
        public var readings: [String: String]
        /// With several media types, the readings shown under each: a target may read a point one way for chat and
        /// another for email ("functionality may vary from different media types"), so each is pinned apart.
        public var readingsByMediaType: [String: [String: String]]?
        /// False when Ctrl-C stopped the exploration before every sequence ran.
        public var complete = true
        /// The sequences that ran to their end.
        public var sequencesRun = 0
    }

    /// Explores; `progress` gets (sequences done, sequences, findings so far). One finding per requirement: a
    /// requirement found again in a later sequence is not shrunk again. Notifications are judged through one
    /// Bayeux session per agent, open for the whole exploration.
    public static func run(
        _ explorer: Explorer, options: Options,
        progress: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in }
    ) async throws(FixtureFailure) -> Result {
        try await withSessions(for: explorer) { (inboxes, problems) throws(FixtureFailure) in
            let roles = Set(explorer.model.agents)
            // Notifications are judged only when every agent can hear: a missing session would read as silence.
            let watching = problems.isEmpty && roles.isSubset(of: inboxes.keys)
            var result = try await explore(
                watching ? explorer.watching(inboxes.filter { roles.contains($0.key) }) : explorer,
                options: options, progress: progress)
            result.notificationsJudged = watching && result.notificationProblems.isEmpty
            result.notificationProblems =
                problems.sorted { $0.key < $1.key }.map { "the session of \($0) did not open: \($1)" }
                + (watching || !problems.isEmpty ? [] : ["no session was opened"])
                + result.notificationProblems
            return result
        }
    }

    /// Runs one sequence with every agent's session open, as exploring does: the first thing the model does not
    /// allow, or nil.
    static func replay(_ steps: [ExploreStep], mediaType: String? = nil, with explorer: Explorer)
        async throws(FixtureFailure) -> Explorer.Failure?
    {
        let replayed = try await replay([steps], mediaType: mediaType, with: explorer)
        // Without every session, notifications were not judged: a replay that found nothing else says so.
        guard replayed.failures[0] == nil, !replayed.sessionProblems.isEmpty else { return replayed.failures[0] }
        return Explorer.Failure(
            step: -1, requirement: "NOTIFY-INVITED",
            message: "notification sessions did not open: " + replayed.sessionProblems.joined(separator: "; "),
            allowed: [])
    }

    /// Runs each sequence in turn, with every agent's session open once for all: what each found, in order, and
    /// why any session could not be opened (then notifications were not judged).
    static func replay(_ sequences: [[ExploreStep]], mediaType: String? = nil, with explorer: Explorer)
        async throws(FixtureFailure) -> (failures: [Explorer.Failure?], sessionProblems: [String])
    {
        try await withSessions(for: explorer) { (inboxes, problems) throws(FixtureFailure) in
            var failures: [Explorer.Failure?] = []
            for steps in sequences {
                var pinned: [String: String] = [:]
                failures.append(
                    try await explorer.watching(inboxes).run(steps, mediaType: mediaType, pinned: &pinned))
            }
            return (failures, problems.sorted { $0.key < $1.key }.map { "\($0): \($1)" })
        }
    }

    /// Runs `body` with a Bayeux session per agent of the explorer's profile open (their inboxes, and why any
    /// could not be opened), then closes them.
    static func withSessions<T: Sendable>(
        for explorer: Explorer,
        _ body: @escaping @Sendable ([String: NotificationInbox], [String: String]) async throws(FixtureFailure) -> T
    ) async throws(FixtureFailure) -> T {
        let sessions = NotificationSessions(
            profile: explorer.profile, timeout: explorer.profile.timeouts.request, cookies: explorer.client.cookies,
            transport: (try? Transports(explorer.profile))?.notifications ?? TransportSettings())
        let outcome = await sessions.withOpenSessions { inboxes, problems in
            do throws(FixtureFailure) {
                return Swift.Result<T, FixtureFailure>.success(try await body(inboxes, problems))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Why the target cannot be reached (one TCP connect, as `run` checks before its first case), or nil.
    public static func unreachable(_ profile: TargetProfile) async -> String? {
        do {
            try await Reachability.check(profile.baseURL, timeout: profile.timeouts.request)
            return nil
        } catch {
            return error.description
        }
    }

    static func explore(
        _ explorer: Explorer, options: Options, progress: @escaping @Sendable (Int, Int, Int) -> Void
    ) async throws(FixtureFailure) -> Result {
        let start = ContinuousClock.now
        let generator = SequenceGenerator(profile: explorer.model, concurrency: options.concurrency)
        var explorer = explorer
        // Per media type: one type's readings say nothing of another's.
        var pinnedByMediaType: [String: [String: String]] = [:]
        var findings: [Finding] = []
        var notificationProblems: [String] = []
        var stepsRun = 0
        var complete = true
        var sequencesRun = 0
        var generated = generator.sequences(seed: options.seed, length: options.steps)
        for index in 0..<options.sequences {
            if Task.isCancelled {
                complete = false
                break
            }
            let sequence = generated.next()
            let mediaType = mediaType(of: index, in: explorer.profile)
            let before = pinnedByMediaType[mediaType ?? "", default: [:]]
            let failure: Explorer.Failure?
            do {
                failure = try await explorer.run(
                    sequence, mediaType: mediaType, pinned: &pinnedByMediaType[mediaType ?? "", default: [:]])
            } catch {
                if Task.isCancelled {
                    complete = false
                    break
                }
                throw error
            }
            // Interrupted (Ctrl-C): a wait cut short is no finding.
            if Task.isCancelled {
                complete = false
                break
            }
            stepsRun += failure.map { max(0, $0.step + 1) } ?? sequence.count
            // One finding per requirement, operation and the part its agent plays: the same requirement broken
            // by another operation, or by an agent in another part, is another finding.
            if let failure,
                !findings.contains(where: { $0.requirement == failure.requirement && $0.site == failure.site })
            {
                // A notification is judged after the last step, and what came after its step may matter (a
                // message that must not arrive, unless a later step invites the agent again): shrink all of it.
                let failing = failure.afterTheLastStep ? sequence : Array(sequence.prefix(failure.step + 1))
                var (finding, runs) = try await shrunk(
                    failure, in: failing, sequence: index, mediaType: mediaType,
                    pinned: before, explorer: explorer, options: options)
                finding.site = failure.site
                findings.append(finding)
                stepsRun += runs
            }
            if let failure { explorer.reported.insert(failure.requirement) }
            // Without the invitation, no notification can be judged: the rest of the run judges answers only,
            // instead of waiting out a deadline per sequence.
            if failure?.requirement == "NOTIFY-INVITED", !explorer.inboxes.isEmpty {
                explorer = explorer.watching([:])
                notificationProblems.append(
                    "the target sent no invitation in sequence \(index): notifications were not judged after it")
            }
            sequencesRun = index + 1
            progress(index + 1, options.sequences, findings.count)
            if Task.isCancelled {
                complete = false
                break
            }
        }
        var result = Result(
            seed: options.seed, sequences: options.sequences, stepsPerSequence: options.steps,
            concurrency: options.concurrency, notificationsJudged: false, notificationProblems: notificationProblems,
            stepsRun: stepsRun, durationMs: DurationText.milliseconds(ContinuousClock.now - start), findings: findings,
            readings: pinnedByMediaType[mediaType(of: 0, in: explorer.profile) ?? "", default: [:]])
        if explorer.profile.mediaTypes.count > 1 { result.readingsByMediaType = pinnedByMediaType }
        result.complete = complete
        result.sequencesRun = sequencesRun
        return result
    }

    /// The media type of the sequence `index`: the profile's media types in turn, so each is explored.
    static func mediaType(of index: Int, in profile: TargetProfile) -> String? {
        profile.mediaTypes.isEmpty ? nil : profile.mediaTypes[index % profile.mediaTypes.count]
    }

    /// The failing steps shrunk to the fewest that still break the same requirement, written as a case, and the
    /// steps the shrinking sent. Interrupted while shrinking, the steps as they are.
    static func shrunk(
        _ failure: Explorer.Failure, in failing: [ExploreStep], sequence index: Int, mediaType: String?,
        pinned: [String: String], explorer: Explorer, options: Options
    ) async throws(FixtureFailure) -> (Finding, Int) {
        var runs = 0
        var steps = failing
        var final = failure
        if !failing.isEmpty {
            do {
                let profile = explorer.model
                steps = try await Shrinker.shrink(failing, simpler: \.simpler, rewrites: profile.simpler) {
                    (candidate) throws(FixtureFailure) in
                    guard !Task.isCancelled else { return false }
                    var scratch = pinned
                    runs += candidate.count
                    return try await explorer.run(candidate, mediaType: mediaType, pinned: &scratch)?.requirement
                        == failure.requirement
                }
                var scratch = pinned
                if !Task.isCancelled,
                    let replayed = try await explorer.run(steps, mediaType: mediaType, pinned: &scratch),
                    replayed.requirement == failure.requirement
                {
                    final = replayed
                }
            } catch {
                guard Task.isCancelled else { throw error }
                steps = failing
            }
            if Task.isCancelled { (steps, final) = (failing, failure) }
        }
        let id = "explore-\(options.seed)-\(index)-\(failure.requirement.lowercased())"
        var finding = Finding(
            requirement: failure.requirement, message: final.message, sequence: index, originalSteps: failing.count,
            steps: steps.map(\.description),
            caseYAML: ExploreCaseWriter.yaml(
                id: id, title: "Found by explore: \(final.message)", requirement: failure.requirement, steps: steps,
                model: explorer.model, profile: explorer.profile, trailer: final.caseSteps,
                comment: "Found by `conformance explore --seed \(options.seed)"
                    + "\(options.concurrency ? " --concurrency" : "")` (sequence \(index)"
                    + (mediaType.map { ", a \($0) interaction" } ?? "") + ", shrunk from "
                    + "\(failing.count) to \(steps.count) steps). Review, rename and add it to the catalog."))
        (finding.expected, finding.actual) = (final.expected, final.actual)
        return (finding, runs)
    }
}
