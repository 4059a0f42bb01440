import ArgumentParser
import AsyncHTTPClient
import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import ConformanceRunner
import Foundation

/// `conformance doctor`: checks a target profile against its server, as every `run` does before its first case.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a target profile against its server: credentials, CometD, fixtures, base URL.",
        discussion: """
            Checks, all at once and within a request timeout plus a notification timeout: that baseURL answers like \
            this API (GET /me/interactions gives JSON, not a 404 page); every agent's and the admin's credentials \
            (one GET each); a CometD handshake and subscribe per agent on notifications; and the fixtures contract \
            (reset, create one interaction, its invitation reaching the agent). `run` does the same before its \
            first case unless --no-preflight.

            Prints one line per problem, naming the profile field to fix (agents[1].password, fixtures.url, \
            notifications, baseURL) and what the server answered.

            Exit codes: 0 the profile works, 2 a problem in the profile (or in the file itself), 3 the target \
            cannot be reached at all.

            Example:
              conformance doctor --target lab.yaml
            """
    )

    @Option(name: .long, help: "The target profile (YAML) to check; see docs/profile.md.")
    var target: String

    @Option(
        name: .long, parsing: .unconditional,
        help: "Deadline for each HTTP exchange, e.g. 5s or 500ms (overrides the profile).")
    var timeout: String?

    @OptionGroup var location: CatalogOptions

    func validate() throws {
        if let timeout, (DurationText.parse(timeout) ?? .zero) <= .zero {
            throw ValidationError("--timeout '\(timeout)' is not a duration like 5s or 500ms")
        }
    }

    func run() async throws {
        try await Self.diagnose(
            target, catalog: try location.load(), requestTimeout: timeout.flatMap(DurationText.parse))
    }

    /// Loads the profile at `path` and checks it against its server: prints `ok: …`, or one `error:` line per
    /// problem and exits 2 (3 when the target cannot be reached).
    static func diagnose(_ path: String, catalog: Catalog, requestTimeout: Duration?) async throws {
        let started = ContinuousClock.now
        let profile = try TargetProfile.loadForCommand(path)
        _ = try profile.checkedTransport()
        var options = RunOptions()
        options.requestTimeout = requestTimeout
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: TargetClient.httpClientConfiguration)
        let outcome: Result<[PreflightProblem], Runner.Unreachable>
        do {
            outcome = .success(
                try await Runner(catalog: catalog, profile: profile, options: options).preflight(httpClient: httpClient)
            )
        } catch {
            outcome = .failure(error)
        }
        try? await httpClient.shutdown()
        let seconds = DurationText.seconds(ContinuousClock.now - started)
        switch outcome {
        case .failure(let unreachable):
            throw CommandFailure(unreachable.description, code: ExitStatus.unreachable)
        case .success(let problems) where problems.isEmpty:
            let admin = profile.admin == nil ? "" : " and the admin"
            print(
                "ok: \(profile.name): baseURL answers as this API; \(profile.agents.count) agents\(admin) log in; every "
                    + "agent has a CometD session; the fixtures reset the target and route an interaction whose "
                    + "invitation reaches its agent (\(seconds) s)")
        case .success(let problems):
            for problem in problems { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            FileHandle.standardError.write(Data("\(path): \(count) to fix (\(seconds) s)\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
    }
}
