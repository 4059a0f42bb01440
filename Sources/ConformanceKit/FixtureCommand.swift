import Foundation

/// A fixture command of the profile (`fixtures: {kind: command, ...}`), run through `/bin/sh -c` without
/// blocking the caller's thread, and stopped when it outlives its time limit.
package struct FixtureCommand: Sendable {
    package var command: String
    package var timeLimit: Duration

    /// Why the command gave no usable output.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// Runs the command; its standard output. Fails when it cannot start, exits non-zero, or outlives the limit.
    package func run() async throws(Failure) -> String {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw Failure(description: "fixture command could not start: \(command): no pipe for its output")
        }
        // Neither end may leak into another program started meanwhile: its output would not end until that one did.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let output = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        let child: ChildProcess
        do {
            child = try ChildProcess.start("/bin/sh", ["-c", command], standardOutput: ends[1])
            close(ends[1])
        } catch {
            close(ends[1])
            throw Failure(description: "fixture command could not start: \(command): \(error)")
        }
        let running = RunningProcess(child: child, output: output)
        let (outcomes, outcome) = AsyncStream.makeStream(of: Outcome.self, bufferingPolicy: .bufferingOldest(1))
        // Reading to the end and waiting for the exit block: they run on a thread of their own, never on the
        // caller's. A command that leaves a child holding its output open keeps only that thread.
        Thread.detachNewThread {
            outcome.yield(running.finish())
        }
        let timer = Task {
            try await Task.sleep(for: timeLimit)
            outcome.yield(.timedOut)
        }
        var first = Outcome.timedOut
        for await next in outcomes {
            first = next
            break
        }
        timer.cancel()
        switch first {
        case .timedOut:
            running.terminate()
            throw Failure(description: "fixture command did not finish within \(timeLimit): \(command)")
        case .exited(let status, let data):
            guard status == 0 else {
                throw Failure(description: "fixture command exited with \(status): \(command)")
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The started process and its output, handed to the thread that waits for them.
    private final class RunningProcess: Sendable {
        private let child: ChildProcess
        private let output: FileHandle

        init(child: ChildProcess, output: FileHandle) {
            self.child = child
            self.output = output
        }

        func finish() -> Outcome {
            let data = output.readDataToEndOfFile()
            return .exited(child.waitForExit(), data)
        }

        func terminate() {
            child.terminate()
        }
    }

    private enum Outcome: Sendable {
        case exited(Int32, Data)
        case timedOut
    }
}
