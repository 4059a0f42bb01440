import AsyncHTTPClient
import ConformanceJSON
import Foundation
import ReferenceServer
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// Nothing unjudged passes: an absence that cannot be checked is ERROR, a notification is tied to the step that
/// causes it, and a refusal is judged by what the document gives (the error body), not by an HTTP status it omits.
@Suite(.timeLimit(.minutes(2))) struct CaseExecutionTests {
    static let requirements = """
        requirements:
          - {id: R-NOTIFIED, level: MUST, section: "1", quote: "The agent is notified."}
          - {id: R-QUIET, level: MUST, section: "2", quote: "Nobody else is notified."}
          - {id: R-REFUSED, level: MUST, section: "3", quote: "The request is refused."}
          - {id: ERROR-HTTP-4XX, level: SHOULD, section: "4", quote: "A refusal is a 4xx."}
        """

    /// Loads `cases` (an operation file's `cases:` list) into a scratch catalog.
    static func catalog(_ cases: String, readings: String? = nil) throws -> Catalog {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("judgement-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var files = [
            "specs/requirements.yaml": requirements,
            "specs/operations/Scratch.yaml": "operation: Scratch\ncases:\n" + cases,
        ]
        if let readings { files["specs/readings.yaml"] = readings }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try Catalog.load(root: root.path)
    }

    /// Runs `catalog` against the reference server; `adjust` changes the profile the runner gets.
    static func run(
        _ catalog: Catalog,
        deviations: Set<Switch> = [],
        adjust: @escaping @Sendable (inout TargetProfile) -> Void = { _ in }
    ) async throws -> RunResult {
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let configuration = ReferenceServerConfiguration.generated(deviations: deviations)
            let result = try await ReferenceServer.withRunning(configuration) { server in
                var profile = try TargetProfile.parse(yaml: server.profileYAML(name: "judgement"), file: "profile")
                profile.timeouts.notification = .seconds(2)
                // One media type: these cases are about judging, and each deviation is counted once.
                profile.mediaTypes = ["email"]
                adjust(&profile)
                return try await Runner(catalog: catalog, profile: profile, options: RunOptions(jobs: 1))
                    .run(httpClient: httpClient) { _ in }
            }
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    static let quietCase = """
          - id: nobody-else
            title: agent2 hears nothing of agent1's interaction
            steps:
              - createInteraction: {agent: agent1, as: ix}
              - notification: {agent: agent1, match: {id: "${ix.id}"}, requirement: R-NOTIFIED}
              - noNotification: {agent: agent2, match: {id: "${ix.id}"}, requirement: R-QUIET}

        """

    @Test func anAbsenceIsJudgedByABarrierAndPasses() async throws {
        let result = try await Self.run(try Self.catalog(Self.quietCase))
        #expect(result.cases.map(\.verdict) == [.pass])
        #expect(result.cases[0].transcript.contains { $0.hasPrefix("barrier: marker interaction") })
    }

    @Test func anAbsenceWithoutANotificationSessionIsAnErrorNotAPass() async throws {
        let result = try await Self.run(try Self.catalog(Self.quietCase)) { profile in
            profile.agents[1].password = "not-agent2s-password"
        }
        #expect(result.cases.map(\.verdict) == [.error])
        #expect(
            result.cases[0].error?.contains(
                "cannot judge that agent2 receives no notification: it has no notification session") == true)
    }

    @Test func aReasonNamesTheProfileAgentThatPlaysTheRole() async throws {
        let result = try await Self.run(try Self.catalog(Self.quietCase)) { profile in
            // Role agent2 is played by profile agent-1 (user agent1), whose password is wrong.
            profile.agents = [profile.agents[2], profile.agents[0], profile.agents[1]]
            profile.agents[1].password = "not-agent1s-password"
        }
        #expect(result.cases.map(\.verdict) == [.error])
        #expect(
            result.cases[0].error?.contains("agent2 (profile agent-1, user agent1) receives no notification") == true,
            "\(result.cases[0].error ?? "")")
    }

    @Test func anAbsenceWhoseBarrierNeverArrivesIsAnErrorNotAPass() async throws {
        // The target sends no invitation messages, so the barrier's marker never reaches agent2.
        let cases = """
              - id: nobody-else
                title: agent2 hears nothing
                steps:
                  - createInteraction: {agent: agent1, as: ix}
                  - noNotification: {agent: agent2, match: {id: "${ix.id}"}, requirement: R-QUIET}

            """
        let result = try await Self.run(try Self.catalog(cases), deviations: [.noInvitedNotification]) { profile in
            profile.timeouts.notification = .milliseconds(500)
        }
        #expect(result.cases.map(\.verdict) == [.error])
        #expect(result.cases[0].error?.contains("did not reach agent2") == true)
    }

    @Test func aNotificationThatCameBeforeItsCauseDoesNotSatisfyTheExpectation() async throws {
        // With every message delivered twice, a second copy of the invitation waits unmatched in the inbox. It came
        // before the refused request, so it must not count as a notification that request caused.
        let cases = """
              - id: stale
                title: a repeated invitation is not a later message
                steps:
                  - createInteraction: {agent: agent1, as: ix}
                  - notification: {agent: agent1, match: {id: "${ix.id}"}, requirement: R-NOTIFIED}
                  - request: {as: agent1, method: POST, path: /me/interactions/NoSuch0001, body: {operationName: Accept}}
                    expect: [{refused: true, requirement: R-REFUSED}]
                  - notification: {agent: agent1, match: {id: "${ix.id}"}, requirement: R-NOTIFIED}

            """
        // The default two-second deadline: the first invitation must arrive in time even on a loaded machine.
        let duplicated = try await Self.run(try Self.catalog(cases), deviations: [.duplicateNotifications])
        #expect(duplicated.cases.map(\.verdict) == [.fail])
        #expect(duplicated.cases[0].deviations.map(\.requirement) == ["R-NOTIFIED"])
        #expect(duplicated.cases[0].deviations[0].message.contains("after the step that causes it"))
    }

    @Test func aRefusalWithTheErrorBodyAndStatus200IsAWarnNotAFail() async throws {
        let cases = """
              - id: refused
                title: an unknown id is refused
                steps:
                  - request: {as: agent1, method: POST, path: /me/interactions/NoSuch0001, body: {operationName: Accept}}
                    expect:
                      - {status: 4xx, requirement: ERROR-HTTP-4XX, observes: refusal-status=4xx, alternatives: [{observes: refusal-status=200, note: "200", expect: {status: 200, requirement: ERROR-HTTP-4XX}}]}
                      - {refused: true, requirement: R-REFUSED}

            """
        let readings = """
            readings:
              - name: refusal-status
                title: HTTP status of a refusal
                requirement: ERROR-HTTP-4XX
                observedBy: the status of refusals
                alternatives:
                  - {name: 4xx, description: a 4xx}
                  - {name: "200", description: a 200 with the error body, level: SHOULD}
            """
        let catalog = try Self.catalog(cases, readings: readings)
        let conformant = try await Self.run(catalog)
        #expect(conformant.cases.map(\.verdict) == [.pass])
        #expect(conformant.readings?.first?.followed.map(\.name) == ["4xx"])
        let status200 = try await Self.run(catalog, deviations: [.errorStatus200])
        #expect(status200.cases.map(\.verdict) == [.warn])
        #expect(status200.cases[0].deviations.map(\.requirement) == ["ERROR-HTTP-4XX"])
        #expect(status200.readings?.first?.followed.map(\.name) == ["200"])
        #expect(status200.exitCode(strict: false) == 0)
    }

    @Test func aRefusedStepThatShouldHaveSucceededSaysWhatTheTargetSaid() async throws {
        let cases = """
              - id: refused-success
                title: an unknown id cannot be accepted
                steps:
                  - request: {as: agent1, method: POST, path: /me/interactions/NoSuch0001, body: {operationName: Accept}}
                    expect: [{status: 200, requirement: R-REFUSED}]

            """
        let result = try await Self.run(try Self.catalog(cases))
        #expect(result.cases.map(\.verdict) == [.fail])
        let message = try #require(result.cases.first?.deviations.first?.message)
        #expect(message.contains("the target's errorDescription: \"No interaction 'NoSuch0001'\""), "\(message)")
    }

    @Test func membersTheDocumentNamesAreNotListedAsUndocumented() throws {
        let pointers = ["/state", "/messageTypeName", "/interactions/0/id", "/serverTime", "/links/self"].compactMap(
            JSONPointer.init)
        #expect(DocumentedMembers.undocumented(pointers).map(\.description) == ["/serverTime", "/links/self"])
    }

    @Test func anAbsenceWithCommandFixturesIsANoteSayingItWasJudgedByTheQuietPeriodOnly() async throws {
        let result = try await Self.run(try Self.catalog(Self.quietCase)) { profile in
            guard case .http(let url) = profile.fixtures else { return }
            // The same fixture contract, driven through a shell command as a lab without HTTP fixtures would.
            let create =
                "curl -sf -X POST -H 'Content-Type: application/json' "
                + "--data '{\"mediaType\":\"{mediaType}\",\"agentId\":\"{agentId}\"}' '\(url)/interactions' "
                + "| sed 's/.*\"id\":\"\\([^\"]*\\)\".*/\\1/'"
            profile.fixtures = .command(create: create, reset: nil)
        }
        #expect(result.cases.map(\.verdict) == [.note], "\(result.cases.map { ($0.error, $0.deviations) })")
        #expect(result.cases[0].notes.contains { $0.contains("judged by a quiet period of 300 ms only") })
    }
}
