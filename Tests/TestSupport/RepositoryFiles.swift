import ConformanceJSON
import ConformanceReport
import Foundation

/// The repository root, where the real catalog and the published schemas live.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The JSON report's published schema, `docs/report-schema.json`, closed: the report may write no member it does not
/// describe.
public func reportSchema() throws -> JSONSchemaCheck {
    let path = (repositoryRoot as NSString).appendingPathComponent("docs/report-schema.json")
    guard let data = FileManager.default.contents(atPath: path) else { throw MissingRepositoryFile(path: path) }
    return JSONSchemaCheck(root: try JSONValue(parsing: data), closed: true)
}

/// A run as its JSON report.
public func reportJSON(_ run: RunResult) throws -> JSONValue {
    try JSONValue(parsing: ReportWriter.render(run, as: .json))
}

/// A file the tests read from the repository is not there.
public struct MissingRepositoryFile: Error {
    public var path: String
}
