import AsyncHTTPClient
import ConformanceCatalog
import ConformanceKit
import ConformanceReport
import Foundation

extension RunCommand {
    static func certify(
        _ catalog: Catalog,
        _ profile: TargetProfile,
        _ options: RunOptions,
        _ httpClient: HTTPClient,
        _ reporter: ConsoleReporter
    ) async -> Result<RunResult, Runner.Unreachable> {
        do {
            let result = try await Runner(catalog: catalog, profile: profile, options: options).run(
                httpClient: httpClient
            ) { event in reporter.handle(event) }
            return .success(result)
        } catch {
            return .failure(error)
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
