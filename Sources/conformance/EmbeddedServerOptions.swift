import ArgumentParser
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

    /// Whether any of the options was given.
    var isUsed: Bool { !deviate.isEmpty || !reading.isEmpty || variant }

    /// The options as the embedded target takes them.
    var options: EmbeddedTarget.Options {
        EmbeddedTarget.Options(deviations: deviate, readings: reading, variant: variant)
    }

    func validate() throws {
        let known = Set(EmbeddedTarget.switchNames)
        if let unknown = deviate.first(where: { !known.contains($0) }) {
            throw ValidationError(EmbeddedTarget.UnknownSwitch(name: unknown).description)
        }
        do {
            try EmbeddedTarget.validate(readings: reading)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
