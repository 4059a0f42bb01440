import ConformanceReport

extension SavedRun {
    /// The run in `path`, for a command: a report that cannot be read is `error: PATH: WHY` and exit 2.
    static func loadForCommand(_ path: String) throws(CommandFailure) -> RunResult {
        do {
            return try load(path)
        } catch {
            throw CommandFailure(error.description, code: ExitStatus.usage)
        }
    }
}
