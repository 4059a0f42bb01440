import AsyncHTTPClient
import ConformanceCatalog
import ConformanceKit
import ConformanceReport
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
