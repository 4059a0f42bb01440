import ArgumentParser
import ConformanceReport
import Foundation

/// The `conformance` command: certifies a server against the GWS Interactions API document.
@main
struct Conformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Conformance suite for the Genesys Web Services Interactions API.",
        discussion: """
            Exit codes: 0 no FAIL or ERROR (and no WARN under --strict), 1 deviations, 2 usage, profile or catalog \
            error, 3 the target could not be reached at all (or stopped answering), 130 interrupted (Ctrl-C).

            Examples:
              conformance run                            certify the bundled reference server (embedded default)
              conformance doctor --target lab.yaml       check a profile against its server
              conformance run --target lab.yaml --report json:out/run.json
              conformance serve --port 8090 --profile-out ref.yaml
            """,
        version: SuiteVersion.current,
        subcommands: [
            RunCommand.self, InitCommand.self, DoctorCommand.self, ServeCommand.self, ListCommand.self,
            LintCommand.self,
            SelfTestCommand.self,
            BenchCommand.self, ReportCommand.self, BaselineCommand.self, MergeCommand.self, DiffCommand.self,
            ExplainCommand.self, ExploreCommand.self,
            RecordCommand.self,
        ]
    )

    /// Maps every failure to an exit code of docs/verdicts.md at one place: argument errors to 2 (instead of
    /// ArgumentParser's 64), a `CommandFailure` to its own code, after the command released what it held.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data(("error: " + failure.message + "\n").utf8))
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes of docs/verdicts.md.
enum ExitStatus {
    static let deviations: Int32 = 1
    static let usage: Int32 = 2
    static let unreachable: Int32 = 3
}
