import AsyncHTTPClient
import ConformanceJSON
import ConformanceModel
import ConformanceReport
import EmbeddedTarget
import Foundation
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceExplore
@testable import ConformanceKit

/// `conformance explore` against the embedded reference server: no finding where the server follows the document
/// (any reading, the variant), and a shrunk, loadable case where a switch breaks it.
// Ten minutes: a guard against a hang, not a speed goal. With two CPU burners beside the whole suite (the
// selftest test alone takes four minutes of both processors there), the suite took over five: its explorations run
// at once with the table of agent kinds under 20 configurations.
@Suite(.timeLimit(.minutes(10))) struct ExploreTests {
    static let catalog = Result { try Catalog.load(root: repositoryRoot) }

    static func explore(
        _ options: EmbeddedTarget.Options, sequences: Int = 60, concurrency: Bool = false,
        progress: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in }
    ) async throws -> Exploration.Result {
        let catalog = try Self.catalog.get()
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await EmbeddedTarget.withServer(options) { profile in
                let client = TargetClient(httpClient: httpClient, timeout: .seconds(10))
                return try await Exploration.run(
                    Explorer(profile: profile, client: client, catalog: catalog),
                    options: Exploration.Options(seed: 1, sequences: sequences, steps: 8, concurrency: concurrency),
                    progress: progress)
            }
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    @Test(arguments: [
        EmbeddedTarget.Options(),
        EmbeddedTarget.Options(variant: true),
        EmbeddedTarget.Options(readings: EmbeddedTarget.everyReadingNonDefault),
        EmbeddedTarget.Options(readings: EmbeddedTarget.everyReadingNonDefault, variant: true),
    ])
    func aConformantServerHasNoFindings(options: EmbeddedTarget.Options) async throws {
        let result = try await Self.explore(options, concurrency: true)
        #expect(result.findings.map(\.message) == [])
        #expect(result.stepsRun >= 60 * 8)
        #expect(result.notificationsJudged)
    }

    /// Ctrl-C cancels the exploration: it stops after the sequence under way, keeps what ran, and a wait cut
    /// short is no finding.
    @Test func anInterruptedExplorationKeepsWhatRanAndFindsNothing() async throws {
        let (done, report) = AsyncStream.makeStream(of: Int.self)
        let exploring = Task {
            try await Self.explore(EmbeddedTarget.Options(), sequences: 10_000) { finished, _, _ in
                report.yield(finished)
            }
        }
        for await finished in done where finished >= 3 {
            exploring.cancel()
            break
        }
        let result = try await exploring.value
        #expect(!result.complete)
        #expect(result.sequencesRun >= 3 && result.sequencesRun < 10_000)
        #expect(result.findings.map(\.message) == [])
    }

    /// Each reading alternative alone, with pairs sent at once: the model allows every reading.
    @Test(arguments: EmbeddedTarget.readingAlternatives.flatMap(\.alternatives))
    func eachReadingAloneHasNoFindings(reading: String) async throws {
        let result = try await Self.explore(
            EmbeddedTarget.Options(readings: [reading]), sequences: 25, concurrency: true)
        #expect(result.findings.map(\.message) == [])
    }

    /// What the model judges beyond done and refused: credentials, properties, a conference's notifications and
    /// a workbin's content. Each sequence is one explore would shrink to; replayed on the server with the switch
    /// it fails with the requirement, and on the unbroken server it passes.
    @Test(arguments: [
        ("anonymous-allowed", "AUTH-REQUIRED", [ExploreStep.stray(agent: "agent2", .accept, .noCredentials)]),
        (
            "properties-not-updated", "UPDATEPROPERTIES-APPLIED",
            [
                .operation(agent: "agent1", .accept), .operation(agent: "agent1", .updateProperties),
                .listing(agent: "agent1"),
            ]
        ),
        (
            "no-left-conference", "ENDCONFERENCE-LEFT-NOTIFICATION",
            [
                // Until agent2 accepts, it may not be on the conference yet (conference-invitee=on-accept), and
                // its leaving may be a decline nobody is told of.
                .operation(agent: "agent1", .accept), .operation(agent: "agent1", .startConference(agent: "agent2")),
                .operation(agent: "agent2", .accept), .operation(agent: "agent2", .endConference(agent: "agent2")),
            ]
        ),
        (
            "workbin-not-placed", "PLACEINWORKBIN-PLACES",
            [
                .operation(agent: "agent1", .accept),
                .operation(agent: "agent1", .placeInWorkbin(workbin: "workbin-a")),
                .operation(agent: "agent1", .getWorkbinContent(workbin: "workbin-a")),
            ]
        ),
        // The admin's operations and reads, an agent's reads, the Bayeux exchanges and the secrets of an error.
        ("admin-may-operate", "OPERATION-PERMISSIONS", [.admin(.accept)]),
        ("admin-get-empty", "ME-INTERACTIONS-PERMISSIONS", [.probe(agent: "admin", .ownInteractions)]),
        ("admin-forbidden", "INTERACTIONS-GET-PERMISSIONS", [.probe(agent: "admin", .allInteractions)]),
        (
            "interactions-list-empty", "INTERACTIONS-GET",
            [.operation(agent: "agent1", .accept), .probe(agent: "agent2", .allInteractions)]
        ),
        (
            "interaction-details-missing", "INTERACTION-GET",
            [.operation(agent: "agent1", .accept), .probe(agent: "agent1", .details)]
        ),
        ("unknown-client-accepted", "BAYEUX-UNKNOWN-CLIENT", [.probe(agent: "agent3", .unknownClient)]),
        ("handshake-misspells-client-id", "BAYEUX-HANDSHAKE", [.probe(agent: "agent2", .handshake)]),
        ("errors-echo-credentials", "ERROR-NO-SECRETS", [.operation(agent: "agent2", .accept)]),
        // Accept's notifications, a transfer's, and what a stranger may not hear.
        ("invitation-after-accept", "ACCEPT-ORDER", [.operation(agent: "agent1", .accept)]),
        (
            "transfer-notifies-nobody", "TRANSFER-TARGET-NOTIFIED",
            [.operation(agent: "agent1", .accept), .operation(agent: "agent1", .transfer(target: "agent2"))]
        ),
        ("strangers-told-nested", "NOTIFY-OWN-ONLY", [.operation(agent: "agent1", .accept)]),
        ("duplicate-notifications", "NOTIFY-ONCE", []),
    ])
    func aSequenceFailsOnlyWithTheSwitch(deviation: String, requirement: String, steps: [ExploreStep]) async throws {
        #expect(try await Self.replay(steps, EmbeddedTarget.Options())?.message == nil)
        #expect(
            try await Self.replay(steps, EmbeddedTarget.Options(deviations: [deviation]))?.requirement == requirement)
    }

    /// Each media type of the profile is explored: a deviation of chat interactions only is found on one.
    @Test func aDeviationOfOneMediaTypeIsFoundOnIt() async throws {
        let steps: [ExploreStep] = [.operation(agent: "agent1", .accept)]
        let broken = EmbeddedTarget.Options(deviations: ["chat-ok-uppercase"])
        #expect(try await Self.replay(steps, broken, mediaType: "email")?.message == nil)
        #expect(try await Self.replay(steps, broken, mediaType: "chat")?.requirement == "ACCEPT-SUCCESS-BODY")
        #expect(try await Self.replay(steps, EmbeddedTarget.Options(), mediaType: "chat")?.message == nil)
        // Exploring takes the media types in turn: the second sequence is a chat interaction.
        let explored = try await Self.explore(broken, sequences: 4)
        #expect(explored.findings.contains { $0.requirement == "ACCEPT-SUCCESS-BODY" })
        #expect(explored.findings.allSatisfy { $0.caseYAML.contains("a chat interaction") })
    }

    /// A conference of three is judged to its end (no point where judging stops), under the readings of who joins
    /// when, who is told and who leaves.
    @Test(arguments: [
        [], ["conference-invitee=on-accept"], ["conference-invited-recipient=initiator"],
        ["endconference-agent=caller", "conference-invited-recipient=invitee"],
    ])
    func aConferenceOfThreeIsJudgedToItsEnd(readings: [String]) async throws {
        let steps: [ExploreStep] = [
            .operation(agent: "agent1", .accept), .operation(agent: "agent1", .startConference(agent: "agent2")),
            .operation(agent: "agent2", .accept), .operation(agent: "agent1", .startConference(agent: "agent3")),
            .operation(agent: "agent3", .accept), .operation(agent: "agent2", .endConference(agent: "agent2")),
            .listing(agent: "agent2"), .listing(agent: "agent3"),
        ]
        #expect(try await Self.replay(steps, EmbeddedTarget.Options(readings: readings))?.message == nil)
        // The same on a server where agent3's leaving is told to nobody: found, after the third agent joined.
        let leaving = steps.prefix(5) + [.operation(agent: "agent3", .endConference(agent: "agent3"))]
        let broken = EmbeddedTarget.Options(deviations: ["no-left-conference"], readings: readings)
        #expect(try await Self.replay(Array(leaving), broken)?.requirement == "ENDCONFERENCE-LEFT-NOTIFICATION")
    }

    /// Every cell of docs/explore.md's table of what each kind of agent may do, replayed on the reference server
    /// under each reading alone, the variant and the default: the model allows what a conformant server answers.
    @Test(arguments: [[], ["--variant"]] + EmbeddedTarget.readingAlternatives.flatMap(\.alternatives).map { [$0] })
    func everyCellOfTheAgentKindTableHoldsOnAConformantServer(configuration: [String]) async throws {
        let options =
            configuration == ["--variant"]
            ? EmbeddedTarget.Options(variant: true) : EmbeddedTarget.Options(readings: configuration)
        let catalog = try Self.catalog.get()
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let cells = AgentKind.all.flatMap { kind in kind.operations.map { "\($0.row) by \(kind)" } }
        let failures: [Explorer.Failure?]
        let sessionProblems: [String]
        do {
            (failures, sessionProblems) = try await EmbeddedTarget.withServer(options) { profile in
                let client = TargetClient(httpClient: httpClient, timeout: .seconds(10))
                let sequences = AgentKind.all.flatMap {
                    $0.sequences(queue: profile.queues[0], workbin: profile.workbins[0])
                }
                return try await Exploration.replay(
                    sequences, with: Explorer(profile: profile, client: client, catalog: catalog))
            }
            try await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        #expect(sessionProblems == [])
        #expect(failures.count == cells.count)
        let found = zip(cells, failures).compactMap { cell, failure in failure.map { "\(cell): \($0.message)" } }
        #expect(found == [])
    }

    static func replay(_ steps: [ExploreStep], _ options: EmbeddedTarget.Options, mediaType: String? = nil)
        async throws -> Explorer.Failure?
    {
        let catalog = try Self.catalog.get()
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let failure = try await EmbeddedTarget.withServer(options) { profile in
                let client = TargetClient(httpClient: httpClient, timeout: .seconds(10))
                #expect(profile.workbins.first == "workbin-a")
                return try await Exploration.replay(
                    steps, mediaType: mediaType, with: Explorer(profile: profile, client: client, catalog: catalog))
            }
            try await httpClient.shutdown()
            return failure
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    /// A completed interaction still listed breaks StopProcessing's own MUST (not HANDLED-BY-AGENT, an INFO), and
    /// the finding says what the model allowed and what came back.
    @Test func aListingThatDisagreesIsFiledUnderTheOperationThatChangedIt() async throws {
        let steps: [ExploreStep] = [
            .operation(agent: "agent1", .accept), .operation(agent: "agent1", .stopProcessing),
            .listing(agent: "agent1"),
        ]
        #expect(try await Self.replay(steps, EmbeddedTarget.Options())?.message == nil)
        let failure = try #require(
            try await Self.replay(steps, EmbeddedTarget.Options(deviations: ["completed-still-listed"])))
        #expect(failure.requirement == "STOPPROCESSING-ENDS-OWNERSHIP")
        #expect(failure.expected == "GET /me/interactions of agent1 does not list the interaction")
        #expect(failure.actual == "it lists it")
        #expect(failure.site == "listing by former")
    }

    /// Notifications are judged: a target that tells every agent of every change is found, by an agent the
    /// interaction never concerned, and the written case waits for no message there.
    @Test func aBroadcastingServerIsFoundByAnAgentTheInteractionNeverConcerned() async throws {
        let result = try await Self.explore(EmbeddedTarget.Options(deviations: ["broadcast-notifications"]))
        // The agent's own messages come twice too (NOTIFY-ONCE, a SHOULD); a stranger hears of it (a MUST).
        let finding = try #require(result.findings.first { $0.requirement == "NOTIFY-OWN-ONLY" })
        #expect(finding.steps.count <= 6)
        #expect(finding.caseYAML.contains("noNotification: {agent: agent"))
        let loaded = try Self.load(finding)
        #expect(loaded.requirements.contains("NOTIFY-OWN-ONLY"))
    }

    /// A target that never sends an invitation fails before the first step: a finding with no step, whose case
    /// starts from the created interaction and waits for its invitation.
    @Test func aMissingInvitationIsAFindingWithoutSteps() async throws {
        let result = try await Self.explore(
            EmbeddedTarget.Options(deviations: ["no-invited-notification"]), sequences: 3)
        let finding = try #require(result.findings.first)
        #expect(finding.requirement == "NOTIFY-INVITED")
        #expect(finding.steps == [])
        #expect(try Self.load(finding).steps.count == 1)
    }

    /// The exploration as a run report: the JSON of `conformance run`, valid against docs/report-schema.json.
    @Test func theExplorationIsARunReport() async throws {
        let catalog = try Self.catalog.get()
        let result = try await Self.explore(EmbeddedTarget.Options(deviations: ["accept-twice"]), sequences: 20)
        let profile = TargetProfile(
            name: "embedded", baseURL: "http://127.0.0.1:1/api/v2", agents: [], admin: nil, queues: [], workbins: [],
            mediaTypes: [], fixtures: .manual)
        let run = result.runResult(profile: profile, catalog: catalog, startedAt: Date(), casePaths: ["found.yaml"])
        #expect(run.summary.fail == result.findings.count)
        #expect(run.cases.first?.transcript.contains("case written to found.yaml") == true)
        #expect(run.exitCode(strict: false) == 1)
        #expect(try reportSchema().problems(in: reportJSON(run)) == [])
    }

    /// Every probe and the admin's operation are written as the catalog's cases write them, and load.
    @Test func probesAreWrittenAsCasesTheCatalogLoads() throws {
        let steps: [ExploreStep] =
            ExploreProbe.byAgent.map { .probe(agent: "agent1", $0) }
            + ExploreProbe.byAdmin.map { .probe(agent: ExploreProbe.admin, $0) } + [.admin(.accept)]
        let account = TargetProfile.Account(id: "a1", username: "agent1", password: "secret-1")
        let profile = TargetProfile(
            name: "lab", baseURL: "http://127.0.0.1:1/api/v2", agents: [account], admin: account, queues: ["q"],
            workbins: ["w"], mediaTypes: ["email"], fixtures: .manual)
        let yaml = ExploreCaseWriter.yaml(
            id: "explore-probes", title: "probes", requirement: "INTERACTION-GET", steps: steps,
            model: ModelProfile(agents: ["agent1"], queues: ["q"], workbins: ["w"], admin: true), profile: profile,
            comment: "written by a test")
        let finding = Exploration.Finding(
            requirement: "INTERACTION-GET", message: "m", sequence: 0, originalSteps: steps.count,
            steps: steps.map(\.description), caseYAML: yaml)
        let loaded = try Self.load(finding)
        #expect(loaded.steps.count == steps.count)
        #expect(yaml.contains("observes: admin-get=allowed"))
        #expect(yaml.contains("BAYEUX-UNKNOWN-CLIENT-ADVICE"))
    }

    /// Writes the finding's case beside a copy of the catalog and loads it: the case of the catalog it becomes.
    static func load(_ finding: Exploration.Finding) throws -> ConformanceCase {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("explore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["specs", "golden"] {
            try FileManager.default.copyItem(
                atPath: (repositoryRoot as NSString).appendingPathComponent(item),
                toPath: root.appendingPathComponent(item).path)
        }
        try finding.caseYAML.write(
            to: root.appendingPathComponent("specs/operations/Explored.yaml"), atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(root: root.path)
        return try #require(catalog.cases.first { $0.id.hasPrefix("explore-") })
    }

    /// Every matcher the explorer waits for reads, and tells the message it stands for from others.
    @Test func noticeMatchersReadAndMatchWhatTheyStandFor() throws {
        let id = "ix0001"
        func matches(_ kind: Notice.Kind, _ json: String) throws -> Bool {
            let match = try #require(Explorer.matcher(kind, invitedState: "Invited"))
            // The written case carries the same matcher, and the catalog reads it back to it.
            let written = try YAMLValue.parse(CatalogWriter.flow(YAMLValue(json: match)), file: "match")
            #expect(written.json == match)
            let pattern = Explorer.pattern(match, id: id)
            #expect(pattern != .absent)
            return JSONMatcher.match(pattern, try JSONValue(parsing: json)).differences.isEmpty
        }
        let left = #"{"messageTypeName": "InteractionStateMessage", "id": "ix0001", "state": "LeftConference"}"#
        #expect(try matches(.state("LeftConference"), left))
        #expect(try !matches(.state("InvitedConference"), left))
        let empty = #"{"messageTypeName": "WorkbinContent", "workbin": "w", "interactions": []}"#
        let listing =
            #"{"messageTypeName": "WorkbinContent", "interactions": [{"messageTypeName": "InteractionStateMessage", "id": "ix0001"}]}"#
        #expect(try matches(.workbinContent, empty))
        #expect(try matches(.workbinContent, listing))
        #expect(try !matches(.workbinContent, left))
        #expect(try matches(.workbinListing, listing))
        #expect(try !matches(.workbinListing, empty))
        let invited = #"{"messageTypeName": "InteractionStateMessage", "id": "ix0001", "state": "Invited"}"#
        #expect(try matches(.invitation, invited))
        #expect(try !matches(.invitation, left))
        #expect(try matches(.afterInvitation, left))
        #expect(try !matches(.afterInvitation, invited))
        #expect(try matches(.stateMessage, invited))
        #expect(try !matches(.stateMessage, empty))
        // Without the invitation's state, the matchers that need it are not made (nothing is judged by them).
        #expect(Explorer.matcher(.invitation, invitedState: nil) == nil)
    }

    @Test func aBrokenServerGivesAShrunkCaseTheCatalogLoads() async throws {
        let result = try await Self.explore(EmbeddedTarget.Options(deviations: ["accept-twice"]))
        let finding = try #require(result.findings.first { $0.requirement == "ACCEPT-AFTER-INVITATION" })
        #expect(finding.steps.count <= 6)
        #expect(finding.steps.last?.hasSuffix("Accept") == true)
        // The written case is an operation file of the catalog's format: it loads beside the real catalog.
        let explored = try Self.load(finding)
        #expect(explored.requirements.contains("ACCEPT-AFTER-INVITATION"))
        #expect(explored.steps.count == finding.steps.count)
    }
}
