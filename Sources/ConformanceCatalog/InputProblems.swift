/// Gathers the problems of a whole catalog load, so that one pass reports every one of them instead of stopping
/// at the first.
package struct InputProblems {
    private(set) var problems: [InputFileError] = []

    /// Runs `body`; a problem it throws is kept and `nil` comes back, so the caller can carry on with the rest.
    package mutating func attempt<T>(_ body: () throws(InputFileError) -> T) -> T? {
        do {
            return try body()
        } catch {
            problems.append(contentsOf: error.all)
            return nil
        }
    }

    package mutating func add(_ problem: InputFileError) { problems.append(problem) }

    /// Throws every problem gathered, the first carrying the others.
    package func throwIfAny() throws(InputFileError) {
        guard var first = problems.first else { return }
        first.others = Array(problems.dropFirst())
        throw first
    }
}
