import AsyncHTTPClient
import Bayeux
import EmbeddedTarget
import Foundation
import ReferenceServer
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// The catalog against the reference server deployed as labs deploy servers: each trait must leave a conformant
/// server conformant.
@Suite(.timeLimit(.minutes(5))) struct DeploymentTests {
    /// Runs the catalog (or the cases `filters` select) against a reference server with `deployment`, the
    /// runner keeping `cookieJars` (nil: one per account); also answers which users' sessions the server expired.
    func run(
        _ deployment: Set<DeploymentTrait>,
        cookies: Bool = true,
        cookieJars: CookieJars? = nil,
        filters: [String] = []
    ) async throws -> (result: RunResult, expired: Set<String>) {
        let catalog = try Catalog.load(root: repositoryRoot)
        var configuration = ReferenceServerConfiguration.generated()
        configuration.agents = EmbeddedTarget.agents(count: 6)
        configuration.deployment = deployment
        return try await ReferenceServer.withRunning(configuration) { server in
            var profile = try TargetProfile.parse(yaml: server.profileYAML(), file: "test profile")
            profile.cookies = cookies
            profile.timeouts.notification = .seconds(3)
            let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
            defer { _ = httpClient.shutdown() }
            // One media type: the traits are about transport, and a run under both would only cost time.
            var options = RunOptions(filters: filters, jobs: 2)
            options.mediaTypes = ["email"]
            var runner = Runner(catalog: catalog, profile: profile, options: options)
            runner.cookieJars = cookieJars
            let result = try await runner.run(httpClient: httpClient) { _ in }
            return (result, await server.expiredSessionUsers())
        }
    }

    static func failing(_ result: RunResult) -> String {
        result.cases.filter { $0.verdict == .fail || $0.verdict == .error }.prefix(3).map {
            "\($0.id): \($0.error ?? $0.deviations.first?.message ?? "")"
        }.joined(separator: "\n")
    }

    /// The operations whose cases make the most notifications; the whole catalog under each trait is the
    /// selftest's (and `SelfTestTests`').
    static let notifying = ["Accept", "Reject", "Transfer", "StartConference", "EndConference"]

    @Test(arguments: DeploymentTrait.allCases.filter { $0 != .slowNotifications })
    func eachTraitLeavesTheNotifyingCasesClean(_ trait: DeploymentTrait) async throws {
        let (result, expired) = try await run([trait], filters: Self.notifying)
        #expect(result.summary.fail == 0 && result.summary.error == 0, "\(Self.failing(result))")
        #expect(result.summary.pass == result.summary.total && result.summary.total >= 30)
        if trait == .sessionExpiry {
            // Every agent that got a message had its session expired once, and the run went on.
            #expect(expired.count >= 3, "expired: \(expired.sorted())")
        } else {
            #expect(expired.isEmpty)
        }
    }

    @Test func aSessionCookieNeedsAJarPerAgent() async throws {
        let selection = ["accept-invited", "reject-invited", "startconference-invites"]
        let perAgent = try await run([.sessionCookie], filters: selection)
        #expect(perAgent.result.summary.pass == perAgent.result.summary.total, "\(Self.failing(perAgent.result))")
        #expect(perAgent.result.summary.total == 3)
        // One jar for all: each handshake replaces the cookie the other agents' sessions need.
        let shared = try await run([.sessionCookie], cookieJars: .sharedByAll(), filters: selection)
        #expect(shared.result.summary.error + shared.result.summary.fail > 0)
        // No cookies at all, as `cookies: false` says: no session survives its handshake.
        let none = try await run([.sessionCookie], cookies: false, filters: selection)
        #expect(none.result.summary.error == 3, "\(none.result.cases.map(\.verdict))")
    }
}
