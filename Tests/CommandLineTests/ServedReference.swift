import Foundation

/// `conformance serve --port 0 --profile-out lab.yaml`, as a script starts the reference server.
enum ServedReference {
    /// Starts the reference server on a free port; returns once it says it wrote the profile (within 60 s).
    static func start(in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = Executable.conformance
        process.arguments = ["serve", "--port", "0", "--profile-out", "lab.yaml"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let written = DispatchSemaphore(value: 0)
        let seen = Locked("")
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            seen.value += String(decoding: data, as: UTF8.self)
            if seen.value.contains("Target profile written to") { written.signal() }
        }
        try process.run()
        guard written.wait(timeout: .now() + 60) == .success else {
            process.terminate()
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
        defer { server.terminate() }
        return try body(directory)
    }
}
