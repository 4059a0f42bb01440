/// A problem that ends a command with an exit code of docs/verdicts.md, after the command has released what it
/// holds: it is thrown, not exited on the spot, so HTTP clients and servers still shut down on the way out.
/// `Conformance.main` prints it as `error: MESSAGE` and exits with `code`.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    /// A profile, catalog, baseline, report or argument problem (exit 2).
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message, code: ExitStatus.usage) }

    /// The target could not be reached at all (exit 3).
    static func unreachable(_ message: String) -> CommandFailure {
        CommandFailure(message, code: ExitStatus.unreachable)
    }

    var description: String { message }
}
