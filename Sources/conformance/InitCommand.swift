import ArgumentParser
import BundledCatalog
import ConformanceCatalog
import Foundation

/// `conformance init`: writes a commented target profile, from flags or by asking on a terminal, then checks it
/// against the server with `doctor`.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Write a commented target profile (from flags, or by asking on a terminal), then check it with doctor.",
        discussion: """
            Every value may come from a flag; on a terminal, init asks for the ones not given. Without a terminal, a \
            missing one exits 2 naming the flag. A password given as $NAME is written as ${env:NAME}, read from the \
            environment at each run, so the file holds no secret. Then doctor checks the profile against the server \
            (--no-doctor skips it); its exit code is init's.

            Example:
              conformance init --output lab.yaml --base-url https://gws.lab/api/v2 \\
                --agent agent-1:agent1:'$AGENT1_PASSWORD' --agent agent-2:agent2:'$AGENT2_PASSWORD' \\
                --agent agent-3:agent3:'$AGENT3_PASSWORD' --fixtures-url https://gws.lab/fixtures
            """
    )

    @Option(name: .long, help: "Where to write the profile.")
    var output = "lab.yaml"

    @Flag(name: .long, help: "Replace the file if it exists.")
    var force = false

    @Option(name: .long, help: "The target's name in reports.")
    var name: String?

    @Option(name: .long, help: "The API's base URL, ending in /api/v2.")
    var baseURL: String?

    @Option(name: .long, help: "The CometD endpoint (default: the base URL + /notifications).")
    var notifications: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "An agent account as ID:USERNAME:PASSWORD; at least 3 (a password $NAME is read from the environment).",
            valueName: "id:user:password"))
    var agent: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("The Contact Center Admin account as ID:USERNAME:PASSWORD.", valueName: "id:user:password"))
    var admin: String?

    @Option(name: .long, help: "The fixtures service (docs/fixtures.md), e.g. https://gws.lab/fixtures.")
    var fixturesURL: String?

    @Option(name: .long, help: "A queue the target knows (repeatable).")
    var queue: [String] = []

    @Option(name: .long, help: "A workbin the target knows (repeatable).")
    var workbin: [String] = []

    @Option(name: .long, help: "A media type the fixtures can create (repeatable; default email).")
    var mediaType: [String] = []

    @Flag(name: .long, help: "Write the profile without checking it against the server.")
    var noDoctor = false

    @OptionGroup var location: CatalogOptions

    func validate() throws {
        for account in agent + (admin.map { [$0] } ?? []) where Self.account(account) == nil {
            throw ValidationError("'\(account)' is not ID:USERNAME:PASSWORD")
        }
    }

    func run() async throws {
        if FileManager.default.fileExists(atPath: output), !force {
            throw CommandFailure("\(output) exists; give --force to replace it, or --output another file", code: 2)
        }
        var answers = Answers(
            name: name, baseURL: baseURL, notifications: notifications,
            agents: agent.compactMap(Self.account), admin: admin.flatMap(Self.account), fixturesURL: fixturesURL,
            queues: queue, workbins: workbin, mediaTypes: mediaType)
        if isatty(STDIN_FILENO) == 1 { answers.ask() }
        let missing = answers.missing
        if !missing.isEmpty {
            throw CommandFailure(
                "missing \(missing.joined(separator: ", ")) (give them as flags, or run init on a terminal to be asked)",
                code: ExitStatus.usage)
        }
        let text = answers.yaml
        // The file must be a profile the suite reads: a mistake in what was typed shows here, not at the run.
        do {
            _ = try TargetProfile.parse(
                yaml: text, file: output,
                environment: ProcessInfo.processInfo.environment.merging(answers.placeholderEnvironment) { a, _ in a })
        } catch {
            throw CommandFailure("the answers do not make a valid profile: \(error)", code: ExitStatus.usage)
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(output): \(error.localizedDescription)", code: ExitStatus.usage)
        }
        print("Wrote \(output).")
        // The schema its first line names, so that an editor completes and checks the file.
        let schema = URL(fileURLWithPath: output).deletingLastPathComponent().appendingPathComponent(
            "profile.schema.json")
        if !FileManager.default.fileExists(atPath: schema.path),
            let data = BundledCatalog.file("docs/schemas/profile.schema.json")
        {
            try? data.write(to: schema)
        }
        guard !noDoctor else { return }
        let unset = answers.placeholderEnvironment.keys.filter { ProcessInfo.processInfo.environment[$0] == nil }
        if !unset.isEmpty {
            print("Set \(unset.sorted().joined(separator: ", ")), then check it: conformance doctor --target \(output)")
            return
        }
        try await DoctorCommand.diagnose(output, catalog: try location.load(), requestTimeout: nil)
    }

    static func account(_ text: String) -> Answers.Account? {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return Answers.Account(id: parts[0], username: parts[1], password: parts[2])
    }
}
