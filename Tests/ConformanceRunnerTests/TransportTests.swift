import AsyncHTTPClient
import EmbeddedTarget
import Foundation
import NIOSSL
import ReferenceServer
import TestSupport
import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport
@testable import ConformanceRunner

/// The catalog over TLS with a lab CA and through a proxy, as vendors' labs put them in front of a server.
@Suite(.timeLimit(.minutes(5))) struct TransportTests {
    /// Runs the cases `filters` select against the embedded server (over TLS when `tls`, requiring a client
    /// certificate when `clientCertificate`), after `adjust` changed the profile the server gave.
    func run(
        tls: Bool, clientCertificate: Bool = false, filters: [String] = [],
        adjust: @escaping @Sendable (inout TargetProfile) -> Void = { _ in }
    ) async throws -> Result<RunResult, Runner.Unreachable> {
        let catalog = try Catalog.load(root: repositoryRoot)
        var options = EmbeddedTarget.Options(notificationTimeout: .seconds(3))
        options.tls = tls
        options.clientCertificate = clientCertificate
        return try await EmbeddedTarget.withServer(options, agents: 6) { served in
            var profile = served
            adjust(&profile)
            let httpClient = HTTPClient(
                eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
            defer { _ = httpClient.shutdown() }
            // One media type: these tests are about transport.
            var options = RunOptions(filters: filters, jobs: 2)
            options.mediaTypes = ["email"]
            let runner = Runner(catalog: catalog, profile: profile, options: options)
            do throws(Runner.Unreachable) {
                return .success(try await runner.run(httpClient: httpClient) { _ in })
            } catch {
                return .failure(error)
            }
        }
    }

    /// The operations whose cases make the most requests and notifications: TLS in a debug build costs much
    /// processor time, so the whole catalog over TLS is `conformance run --tls`'s (100 PASS), not the tests'.
    static let busiest = ["Accept", "Reject", "Transfer", "StartConference", "EndConference", "PlaceInWorkbin"]

    @Test func theCatalogRunsCleanOverTLSWithTheLabCA() async throws {
        let result = try await run(tls: true, filters: Self.busiest).get()
        #expect(result.target.baseURL.hasPrefix("https://"))
        #expect(result.summary.pass == result.summary.total && result.summary.total >= 40)
        #expect(result.target.warnings == nil)
    }

    @Test func anUntrustedCertificateStopsTheRunNamingTheProblem() async throws {
        let outcome = try await run(tls: true, filters: ["accept-invited"]) { $0.tls = nil }
        guard case .failure(let unreachable) = outcome else {
            Issue.record("a certificate no trusted CA signed was accepted")
            return
        }
        #expect(unreachable.description.contains("CERTIFICATE_VERIFY_FAILED"))
        #expect(unreachable.description.contains("tls.caFile"))
    }

    @Test func aServerThatRequiresAClientCertificateGetsTheProfilesOne() async throws {
        let result = try await run(tls: true, clientCertificate: true, filters: ["accept-invited", "reject-invited"])
            .get()
        #expect(result.summary.pass == 2)
        let outcome = try await run(tls: true, clientCertificate: true, filters: ["accept-invited"]) { profile in
            profile.tls?.clientCertificate = nil
            profile.tls?.clientKey = nil
        }
        guard case .failure(let unreachable) = outcome else {
            Issue.record("a server that requires a client certificate answered without one")
            return
        }
        #expect(unreachable.description.contains("tls.clientCertificate"), "\(unreachable.description)")
    }

    @Test func insecureAcceptsAnyCertificateAndEveryReportSaysSo() async throws {
        let result = try await run(tls: true, filters: ["accept-invited"]) {
            $0.tls = TargetProfile.TLS(insecure: true)
        }
        .get()
        #expect(result.summary.pass == 1)
        #expect(result.target.warnings == [TargetProfile.TLS.insecureWarning])
        let markdown = MarkdownReport.render(result)
        #expect(markdown.contains("tls.insecure is true"))
    }

    @Test func everyConnectionGoesThroughTheProfilesProxy() async throws {
        try await withConnectProxy { proxy in
            let result = try await run(tls: true, filters: ["accept-invited", "reject-invited"]) {
                $0.proxy = proxy.url
            }.get()
            #expect(result.summary.pass == 2)
            // REST, fixtures and the Bayeux sessions alike: each connection to the server is a tunnel.
            let port = try #require(URLComponents(string: result.target.baseURL)?.port)
            #expect(proxy.tunnels.all.count >= 2)
            #expect(proxy.tunnels.all.allSatisfy { $0 == "127.0.0.1:\(port)" })
        }
    }

    @Test func theNotificationSessionsUseTheProxyAndTheLabCAToo() throws {
        var profile = TargetProfile(
            name: "lab", baseURL: "https://gws.lab.example/api/v2", agents: [], admin: nil, queues: [], workbins: [],
            mediaTypes: [], fixtures: .manual)
        profile.proxy = "http://proxy.lab:3128"
        profile.tls = TargetProfile.TLS(insecure: true)
        let configuration = NotificationSessions.clientConfiguration(try Transports(profile).notifications, sessions: 3)
        #expect(configuration.proxy?.host == "proxy.lab")
        #expect(configuration.proxy?.port == 3128)
        #expect(configuration.tlsConfiguration?.certificateVerification == CertificateVerification.none)
    }

    @Test func theEnvironmentsProxyAppliesUnlessNoProxyOrLoopbackExemptsTheHost() throws {
        let profile = TargetProfile(
            name: "lab", baseURL: "https://gws.lab.example/api/v2", agents: [], admin: nil, queues: [], workbins: [],
            mediaTypes: [], fixtures: .manual)
        let environment = ["HTTPS_PROXY": "proxy.corp:3128", "HTTP_PROXY": "http://plain.corp:8080"]
        func proxy(_ url: String, _ extra: [String: String] = [:]) -> String? {
            TransportSettings.proxyURL(
                for: url, profile: profile, environment: environment.merging(extra) { _, new in new })
        }
        #expect(proxy("https://gws.lab.example/api/v2") == "http://proxy.corp:3128")
        #expect(proxy("http://gws.lab.example/api/v2") == "http://plain.corp:8080")
        #expect(proxy("https://gws.lab.example/api/v2", ["NO_PROXY": "lab.example"]) == nil)
        #expect(proxy("https://gws.lab.example/api/v2", ["no_proxy": ".example, other"]) == nil)
        #expect(
            proxy("https://gws.lab.example/api/v2", ["NO_PROXY": "gws.lab.example:8443"]) == "http://proxy.corp:3128")
        #expect(proxy("https://notlab.example/api/v2", ["NO_PROXY": "lab.example"]) == "http://proxy.corp:3128")
        #expect(proxy("https://x.example/api/v2", ["NO_PROXY": "*"]) == nil)
        #expect(proxy("http://127.0.0.1:8090/api/v2") == nil)
        #expect(proxy("http://localhost:8090/api/v2") == nil)
        var explicit = profile
        explicit.proxy = "http://given:3128"
        #expect(
            TransportSettings.proxyURL(for: "http://127.0.0.1/api/v2", profile: explicit, environment: [:])
                == "http://given:3128")
        let settings = try TransportSettings.make(
            for: "https://gws.lab.example/api/v2", profile: profile,
            environment: ["HTTPS_PROXY": "http://me:s%40cret@proxy.corp:3128"])
        #expect(settings.proxyURL == "http://proxy.corp:3128")
        #expect(!settings.isDefault)
    }
}
