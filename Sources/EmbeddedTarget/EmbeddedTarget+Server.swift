import ConformanceCatalog
import Foundation
import ReferenceServer

extension EmbeddedTarget {
    /// Starts the reference server as `options` describe, with `agents` agents on an ephemeral loopback port,
    /// hands `body` the profile that drives it, and stops the server when `body` returns or throws.
    public static func withServer<T: Sendable>(
        _ options: Options, agents: Int = 3, _ body: @escaping @Sendable (TargetProfile) async throws -> T
    ) async throws -> T {
        var deviations = Set<Switch>()
        for name in options.deviations {
            guard let deviation = Switch(rawValue: name) else { throw UnknownSwitch(name: name) }
            deviations.insert(deviation)
        }
        var configuration = ReferenceServerConfiguration.generated(
            deviations: deviations, readings: try readings(options.readings))
        configuration.agents = self.agents(count: agents)
        configuration.variant = options.variant
        for name in options.deployment {
            guard let trait = DeploymentTrait(rawValue: name) else { throw UnknownDeployment(name: name) }
            configuration.deployment.insert(trait)
        }
        if let latency = options.notificationLatency { configuration.notificationLatency = latency }
        var files: [String: URL] = [:]
        if options.tls {
            var certificates = try LabCertificates.make()
            certificates.requiresClientCertificate = options.clientCertificate
            configuration.tls = certificates
            let directory = FileManager.default.temporaryDirectory
            let stem = "conformance-lab-\(UUID().uuidString)"
            var contents = ["caFile": certificates.authorityPEM]
            if options.clientCertificate {
                contents["clientCertificate"] = certificates.clientPEM
                contents["clientKey"] = certificates.clientKeyPEM
            }
            for (field, pem) in contents {
                let file = directory.appendingPathComponent("\(stem)-\(field).pem")
                try pem.write(to: file, atomically: true, encoding: .utf8)
                files[field] = file
            }
        }
        defer { for file in files.values { try? FileManager.default.removeItem(at: file) } }
        let paths = files.mapValues(\.path)
        return try await ReferenceServer.withRunning(configuration) { server in
            var profile = try TargetProfile.parse(
                yaml: server.profileYAML(name: name(options), tlsFiles: paths), file: "embedded profile")
            if let timeout = options.notificationTimeout { profile.timeouts.notification = timeout }
            if let quietPeriod = options.quietPeriod { profile.timeouts.quietPeriod = quietPeriod }
            return try await body(profile)
        }
    }
}

/// A `--deploy` name that the reference server does not have.
public struct UnknownDeployment: Error, Sendable, CustomStringConvertible {
    public var name: String

    public var description: String {
        "--deploy '\(name)' is unknown; it is one of \(EmbeddedTarget.deploymentNames.joined(separator: ", "))"
    }
}
