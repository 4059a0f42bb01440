import ConformanceKit
import Foundation

/// `conformance serve --port 0 --profile-out lab.yaml`, as a script starts the reference server.
enum ServedReference {
    /// Starts the reference server on a free port; returns once it says it wrote the profile (within 60 s).
    static func start(in directory: URL) throws -> ChildProcess {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CIFileError("no pipe for the reference server's output") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let output = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        let quiet = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(quiet) }
        let written = DispatchSemaphore(value: 0)
        let seen = Locked("")
        output.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            seen.value += String(decoding: data, as: UTF8.self)
            if seen.value.contains("Target profile written to") { written.signal() }
        }
        let process: ChildProcess
        do {
            process = try ChildProcess.start(
                Executable.conformance.path, ["serve", "--port", "0", "--profile-out", "lab.yaml"],
                directory: directory.path, standardOutput: ends[1], standardError: quiet)
            close(ends[1])
        } catch {
            close(ends[1])
            throw error
        }
        guard written.wait(timeout: .now() + 60) == .success else {
            process.stop()
            throw CIFileError("the reference server wrote no profile within 60 s: \(seen.value)")
        }
        return process
    }

    /// Runs `body` in a fresh directory beside a served reference server (its profile in `lab.yaml`); stops the
    /// server and removes the directory afterwards.
    static func withServer<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = try Executable.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try start(in: directory)
        defer { server.stop() }
        return try body(directory)
    }
}
