import ArgumentParser
import ConformanceReport
import EmbeddedTarget

/// How the bundled reference server behaves: `--deviate`, `--reading`, `--variant`, shared by `run` (embedded
/// default) and `serve`. `validate()` refuses an unknown switch or reading before anything starts.
struct EmbeddedServerOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Break one documented behaviour of the reference server (repeatable; `conformance serve --list-deviations`)."
    )
    var deviate: [String] = []

    @Option(
        name: .long,
        help:
            "Follow this alternative of a point the document leaves open, NAME=ALTERNATIVE (repeatable; `conformance serve --list-readings`)."
    )
    var reading: [String] = []

    @Flag(
        name: .long,
        help:
            "The conformant-but-different variant of the reference server (other ids, key order, extra fields, empty 200s, later notifications)."
    )
    var variant = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Deploy the reference server as a lab does (repeatable): \(EmbeddedTarget.deploymentNames.joined(separator: ", ")).",
            discussion: "`conformance serve --list-deployments` says what each does. None is a deviation.")
    )
    var deploy: [String] = []

    @Option(
        name: .long,
        help:
            "Deliver notifications this long after the change on average, spread 250 ms either side and in order per agent, e.g. 450ms (a message bus)."
    )
    var notificationLatency: String?

    @Flag(
        name: .long,
        help:
            "Serve HTTPS with a certificate signed by a CA made at start; the profile's tls.caFile names that CA's file."
    )
    var tls = false

    @Flag(
        name: .long,
        help: "With --tls: require a client certificate the lab CA signed (mutual TLS); the profile presents one.")
    var clientCertificate = false

    /// Whether any of the options was given.
    var isUsed: Bool {
        !deviate.isEmpty || !reading.isEmpty || variant || !deploy.isEmpty || notificationLatency != nil || tls
    }

    /// The options as the embedded target takes them.
    var options: EmbeddedTarget.Options {
        var options = EmbeddedTarget.Options(deviations: deviate, readings: reading, variant: variant)
        options.deployment = deploy
        options.tls = tls
        options.clientCertificate = clientCertificate
        options.notificationLatency = notificationLatency.flatMap { DurationText.parse($0) }
        return options
    }

    func validate() throws {
        let known = Set(EmbeddedTarget.switchNames)
        if let unknown = deviate.first(where: { !known.contains($0) }) {
            throw ValidationError(EmbeddedTarget.UnknownSwitch(name: unknown).description)
        }
        let deployments = Set(EmbeddedTarget.deploymentNames)
        if let unknown = deploy.first(where: { !deployments.contains($0) }) {
            throw ValidationError(
                "--deploy '\(unknown)' is unknown; it is one of \(EmbeddedTarget.deploymentNames.joined(separator: ", "))"
            )
        }
        if clientCertificate && !tls { throw ValidationError("--client-certificate needs --tls") }
        if let notificationLatency, DurationText.parse(notificationLatency) == nil {
            throw ValidationError(
                "--notification-latency '\(notificationLatency)' is not a duration like 450ms or 0.5s")
        }
        do {
            try EmbeddedTarget.validate(readings: reading)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
