import AsyncHTTPClient
import ConformanceCatalog
import ConformanceReport
import ConformanceRunner
import Foundation

extension RunCommand {
    /// Why a run judged no case.
    enum NotJudged: Error {
        /// The target could not be reached (exit 3), or the run was interrupted before its first case.
        case unreachable(Runner.Unreachable)
        /// The preflight found mistakes in the profile (exit 2).
        case preflight([PreflightProblem])
    }

    static func certify(
        _ catalog: Catalog,
        _ profile: TargetProfile,
        _ options: RunOptions,
        _ httpClient: HTTPClient,
        _ reporter: ConsoleReporter,
        preflight: Bool
    ) async -> Result<RunResult, NotJudged> {
        let runner = Runner(catalog: catalog, profile: profile, options: options)
        do {
            if preflight {
                let problems = try await runner.preflight(httpClient: httpClient)
                if !problems.isEmpty { return .failure(.preflight(problems)) }
            }
            let result = try await runner.run(httpClient: httpClient) { event in reporter.handle(event) }
            return .success(result)
        } catch {
            return .failure(.unreachable(error))
        }
    }

    /// Writes the reports of a run that judged no case (the preflight stopped it, the target could not be reached,
    /// or it was interrupted before its first case), so that CI always has them to publish: every selected case
    /// ERROR with `reason`.
    func notJudged(
        _ selected: [ConformanceCase], reason: String, unreachable: Bool, catalog: Catalog, target: RunResult.Target,
        options: RunOptions, startedAt: Date, destinations: [ReportWriter.Destination]
    ) {
        var result = RunResult.notRun(
            selected.map { ($0.id, $0.operation, $0.title, $0.requirements) }, target: target, reason: reason,
            startedAt: startedAt, unreachable: unreachable)
        result.suite.catalogDigest = catalog.digest
        result.selection = options.selection
        for problem in ReportWriter.write(result, to: destinations) {
            FileHandle.standardError.write(Data(("error: " + problem + "\n").utf8))
        }
    }

    /// Only for selecting cases before a profile exists (selection does not depend on it).
    var placeholderProfile: TargetProfile {
        TargetProfile(
            name: "",
            baseURL: "http://127.0.0.1",
            agents: [],
            admin: nil,
            queues: [],
            workbins: [],
            mediaTypes: [],
            fixtures: .manual
        )
    }
}
