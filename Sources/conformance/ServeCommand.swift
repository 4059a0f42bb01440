import ArgumentParser
import ConformanceCatalog
import ConformanceReport
import EmbeddedTarget
import Foundation
import ReferenceServer

/// `conformance serve`: the reference server on its own, for `run --target` from another shell.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the reference server and print its URL and a ready target profile.",
        discussion: """
            Stops on Ctrl-C (SIGINT) or SIGTERM, releasing held long-polls.

            Examples:
              conformance serve --port 8090 --profile-out ref.yaml
              conformance run --target ref.yaml          (in another shell)
              conformance serve --deviate ok-uppercase   (a server that breaks one documented behaviour)
              conformance serve --list-deviations
              conformance serve --reading refusal-status=200 --reading notification-channel=trailing-slash
              conformance serve --list-readings
              conformance serve --deploy session-cookie --deploy session-expiry --notification-latency 450ms
              conformance serve --list-deployments
            """
    )

    @Option(name: .long, help: "Address to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port = 8090

    @OptionGroup var behaviour: EmbeddedServerOptions

    @Option(name: .long, help: "Write the target profile to this file once the server listens.")
    var profileOut: String?

    @Option(name: .long, help: "How many agents the server has (the profile lists them all); at least 3.")
    var agents = 3

    @Option(
        name: .long,
        help: "Delay every REST answer (API and fixtures, not Bayeux) by this much, e.g. 20ms: a network link.")
    var latency: String?

    @Flag(name: .long, help: "List the deviation switches with the requirements each breaks, then exit.")
    var listDeviations = false

    @Flag(name: .long, help: "List the readings with their alternatives (* marks the default), then exit.")
    var listReadings = false

    @Flag(name: .long, help: "List the deployment traits of --deploy, then exit.")
    var listDeployments = false

    /// Refused here, before `run`, so that ArgumentParser prints `serve`'s own usage with the message.
    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not between 0 and 65535") }
        guard agents >= 3 else { throw ValidationError("--agents must be at least 3") }
        if let latency, DurationText.parse(latency) == nil {
            throw ValidationError("--latency '\(latency)' is not a duration like 20ms or 0.5s")
        }
    }

    func run() async throws {
        if listDeviations {
            // What each switch breaks is catalog data; without a catalog the list still names the switches.
            let catalog = try? Catalog.load(root: CatalogLocation.resolve(nil))
            let width = Switch.allCases.map(\.rawValue.count).max() ?? 0
            for deviation in Switch.allCases {
                let name = deviation.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let breaks = catalog?.mutation(deviation.rawValue)?.breaks.joined(separator: ", ") ?? "?"
                print("\(name)  breaks \(breaks): \(deviation.summary)")
            }
            return
        }
        if listReadings {
            print(Self.readingList())
            return
        }
        if listDeployments {
            let width = EmbeddedTarget.deployments.map(\.name.count).max() ?? 0
            for (name, summary) in EmbeddedTarget.deployments {
                print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(summary)")
            }
            return
        }
        // validate() has refused unknown switches and readings.
        let deviations = Set(behaviour.deviate.compactMap(Switch.init(rawValue:)))
        let readings = (try? Readings(parsing: behaviour.reading)) ?? Readings()
        var configuration = ReferenceServerConfiguration.generated(
            port: port, deviations: deviations, readings: readings)
        configuration.host = host
        configuration.variant = behaviour.variant
        configuration.deployment = Set(behaviour.deploy.compactMap(DeploymentTrait.init(rawValue:)))
        if let latency = behaviour.options.notificationLatency { configuration.notificationLatency = latency }
        let authorityFile = try behaviour.tls ? writeAuthority(into: &configuration) : nil
        configuration.agents = EmbeddedTarget.agents(count: agents)
        // validate() has refused a latency that is not a duration.
        if let delay = latency.flatMap(DurationText.parse) {
            configuration.latency = delay
        }
        let profileOut = profileOut
        let switches = deviations.map(\.rawValue).sorted()
        let chosen = readings.nonDefault
        let deployed =
            configuration.deployment.map(\.rawValue).sorted()
            + (configuration.notificationLatency > .zero
                ? ["notification latency \(configuration.notificationLatency)"] : [])
        let server = ReferenceServer(configuration: configuration)
        do {
            try await server.run { running in
                let profile = running.profileYAML(tlsFiles: authorityFile?.inProfile ?? [:])
                say("Reference server listening on \(running.baseURL)")
                if !switches.isEmpty {
                    say("Deviating on purpose: \(switches.joined(separator: ", "))")
                }
                if !chosen.isEmpty {
                    say("Readings other than the default: \(chosen.joined(separator: ", "))")
                }
                if !deployed.isEmpty {
                    say("Deployed with: \(deployed.joined(separator: ", "))")
                }
                if let authorityFile {
                    say("TLS: the certificate is signed by a CA made at start, written to \(authorityFile.path)")
                }
                if let profileOut {
                    do {
                        try profile.write(toFile: profileOut, atomically: true, encoding: .utf8)
                        say("Target profile written to \(profileOut)")
                    } catch {
                        FileHandle.standardError.write(
                            Data(
                                "error: cannot write the profile to \(profileOut): \(error.localizedDescription)\n".utf8
                            ))
                    }
                }
                // Written at once, unbuffered: a script reading a redirected stdout gets the URL and profile now.
                say("--- target profile ---\n\(profile)---")
            }
        } catch {
            if let problem = ReferenceServerError.listenProblem(error, host: host, port: port) {
                throw CommandFailure(problem, code: ExitStatus.usage)
            }
            throw CommandFailure("the reference server stopped: \(error)", code: 1)
        }
    }
}

extension ServeCommand {
    /// `--tls`: makes the lab CA and the server certificate (and, with `--client-certificate`, a client
    /// certificate the server then requires), and writes the PEM files next to `--profile-out` (else to the
    /// temporary directory), so that the profile's `tls:` can name them; `inProfile` gives each field its name
    /// (relative to the profile when they sit side by side).
    func writeAuthority(into configuration: inout ReferenceServerConfiguration) throws -> (
        path: String, inProfile: [String: String]
    ) {
        var certificates: LabCertificates
        do {
            certificates = try LabCertificates.make(
                hosts: Array(Set([host, "127.0.0.1", "::1", "localhost"])).sorted())
        } catch {
            throw CommandFailure("--tls: the certificates could not be made: \(error)", code: ExitStatus.usage)
        }
        certificates.requiresClientCertificate = behaviour.clientCertificate
        configuration.tls = certificates
        let (directory, stem): (URL, String)
        if let profileOut {
            let profile = URL(fileURLWithPath: profileOut)
            directory = profile.deletingLastPathComponent()
            stem = profile.deletingPathExtension().lastPathComponent
        } else {
            directory = FileManager.default.temporaryDirectory
            stem = "conformance-lab-\(port)"
        }
        var files = [("caFile", "ca", certificates.authorityPEM)]
        if behaviour.clientCertificate {
            files += [
                ("clientCertificate", "client", certificates.clientPEM),
                ("clientKey", "client-key", certificates.clientKeyPEM),
            ]
        }
        var inProfile: [String: String] = [:]
        var authority = ""
        for (field, suffix, pem) in files {
            let file = directory.appendingPathComponent("\(stem)-\(suffix).pem")
            do {
                try pem.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure(
                    "--tls: cannot write \(file.path): \(error.localizedDescription)", code: ExitStatus.usage)
            }
            inProfile[field] = profileOut == nil ? file.path : file.lastPathComponent
            if field == "caFile" { authority = file.path }
        }
        return (authority, inProfile)
    }

    /// `--list-readings`: each reading and what it is about, then its alternatives, `*` marking the default.
    static func readingList() -> String {
        var lines: [String] = []
        for reading in Reading.allCases {
            lines.append("\(reading.rawValue): \(reading.summary)")
            let width = reading.alternatives.map(\.name.count).max() ?? 0
            for (index, alternative) in reading.alternatives.enumerated() {
                let name = alternative.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let mark = index == 0 ? "*" : " "
                let suffix = index == 0 ? " (default)" : ""
                lines.append("  \(mark) \(name)  \(alternative.summary)\(suffix)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Writes a line to standard output at once (unbuffered), so a script waiting for the URL sees it.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
