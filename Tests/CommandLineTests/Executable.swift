import ConformanceKit
import Foundation
import Testing

/// The built `conformance` executable, run as a user or a CI script runs it: arguments, a working directory, the
/// environment; its exit code and output come back. Every run has a deadline.
struct Executable {
    struct Outcome {
        var code: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// The `conformance` binary beside this test bundle (the test target depends on it, so it is built first).
    static let conformance: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        return products.appendingPathComponent("conformance")
    }()

    /// The repository's root, to read README.md, docs/ and specs/.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `conformance ARGUMENTS` in `directory`; fails the test and kills the process at the deadline.
    static func conformance(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        deadline: Duration = .seconds(240)
    ) throws -> Outcome {
        try run(conformance.path, arguments, in: directory, environment: environment, deadline: deadline)
    }

    /// Runs a bash script with `-eo pipefail`, as GitHub Actions and GitLab run a step.
    static func bash(
        _ script: String, in directory: URL, environment: [String: String] = [:], deadline: Duration = .seconds(600)
    ) throws -> Outcome {
        try run(
            "/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], in: directory,
            environment: environment, deadline: deadline)
    }

    static func run(
        _ path: String, _ arguments: [String], in directory: URL, environment: [String: String],
        deadline: Duration
    ) throws -> Outcome {
        // Files, not pipes: a chatty process can never block on a full pipe.
        let out = directory.appendingPathComponent(".out-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let outFile = open(out.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let errFile = open(err.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer {
            close(outFile)
            close(errFile)
        }
        let child = try ChildProcess.start(
            path, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            directory: directory.path, standardOutput: outFile, standardError: errFile)
        let timedOut = Locked(false)
        let finished = Locked(false)
        let timer = DispatchWorkItem {
            guard !finished.value else { return }
            timedOut.value = true
            child.terminate()
        }
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        let code = child.waitForExit()
        finished.value = true
        timer.cancel()
        let outcome = Outcome(
            code: code,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        if timedOut.value {
            Issue.record("\(path) \(arguments.joined(separator: " ")) passed its deadline of \(deadline)")
        }
        return outcome
    }

    /// Writes `down.yaml` into `directory`: a profile of a target nobody listens on (port 9 of loopback).
    static func writeUnreachableProfile(in directory: URL) throws {
        try """
        baseURL: http://127.0.0.1:9/api/v2
        agents:
          - {id: agent-1, username: agent1, password: pass1}
          - {id: agent-2, username: agent2, password: pass2}
          - {id: agent-3, username: agent3, password: pass3}
        admin: {id: admin-1, username: admin, password: admin}
        fixtures: {kind: http, url: http://127.0.0.1:9/fixtures}
        """.write(to: directory.appendingPathComponent("down.yaml"), atomically: true, encoding: .utf8)
    }

    /// A fresh scratch directory, removed by the caller's `defer`.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}

/// A value shared with a timer thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
