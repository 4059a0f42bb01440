import UnixSignals

/// Runs work that Ctrl-C (SIGINT) cancels: the work sees cancellation, winds down and still returns what it
/// has, so reports for what ran can be written.
enum Interrupt {
    /// Exit code of a run stopped by Ctrl-C (128 + SIGINT).
    static let exitCode: Int32 = 130

    /// The work's result, and whether SIGINT arrived before it finished.
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> (value: T, interrupted: Bool) {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sigint) { return nil }
                return nil
            }
            var interrupted = false
            while let next = await group.next() {
                if let value = next {
                    group.cancelAll()
                    return (value, interrupted)
                }
                if !Task.isCancelled {
                    interrupted = true
                    group.cancelAll()
                }
            }
            preconditionFailure("the work task always returns a value")
        }
    }
}
