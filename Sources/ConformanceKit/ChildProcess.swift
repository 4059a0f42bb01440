import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program the suite starts (a fixture command; in the tests, the `conformance` executable), started with
/// `posix_spawn` on Linux rather than Foundation's `Process`: there `Process.run()` reads past a buffer while it lists
/// `/proc/self/fd`, and crashes now and then in a process with many descriptors open (swift-corelibs-foundation
/// #5472, fixed after Swift 6.3.1). A run holds many sockets, and so do the tests.
package struct ChildProcess: Sendable {
    /// Why the program could not be started.
    package struct SpawnError: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    #if canImport(Glibc)
        private let pid: pid_t
    #else
        private final class Box: @unchecked Sendable {
            let process: Process
            init(_ process: Process) { self.process = process }
        }
        private let box: Box
    #endif

    /// Starts `executable` with `arguments`, in `directory` (the caller's by default), with `environment` (the
    /// caller's by default); standard input is empty, standard output and error go to these descriptors (the
    /// caller's own by default).
    package static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        standardOutput: Int32? = nil, standardError: Int32? = nil
    ) throws(SpawnError) -> ChildProcess {
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            if let standardOutput { posix_spawn_file_actions_adddup2(&actions, standardOutput, 1) }
            if let standardError { posix_spawn_file_actions_adddup2(&actions, standardError, 2) }
            if let directory {
                guard let addChdir = Self.addChdir, addChdir(&actions, directory) == 0 else {
                    throw SpawnError(description: "cannot start \(executable) in \(directory)")
                }
            }
            // The child starts with no signal blocked and every signal at its default (a parent may ignore SIGPIPE).
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            var all = sigset_t()
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            let environment = environment ?? ProcessInfo.processInfo.environment
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { for pointer in argv + envp { free(pointer) } }
            var pid: pid_t = 0
            let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            guard status == 0 else {
                throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
            }
            return ChildProcess(pid: pid)
        #else
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let environment { process.environment = environment }
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            process.standardInput = FileHandle.nullDevice
            if let standardOutput { process.standardOutput = FileHandle(fileDescriptor: standardOutput) }
            if let standardError { process.standardError = FileHandle(fileDescriptor: standardError) }
            do {
                try process.run()
            } catch {
                throw SpawnError(description: "cannot start \(executable): \(error)")
            }
            return ChildProcess(box: Box(process))
        #endif
    }

    #if canImport(Glibc)
        /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which the Glibc module does not declare.
        private static let addChdir:
            (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
                guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
                else { return nil }
                return unsafeBitCast(
                    symbol,
                    to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) ->
                        Int32)
                        .self)
            }()
    #endif

    /// Blocks until the program ends; its exit status, or 128 plus the signal that ended it.
    package func waitForExit() -> Int32 {
        #if canImport(Glibc)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else { return -1 }
            }
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        #else
            box.process.waitUntilExit()
            let status = box.process.terminationStatus
            return box.process.terminationReason == .uncaughtSignal ? 128 + status : status
        #endif
    }

    /// Asks the program to stop, and waits until it has (so that it leaves no zombie behind).
    @discardableResult
    package func stop() -> Int32 {
        terminate()
        return waitForExit()
    }

    /// Asks the program to stop (SIGTERM); call it only before ``waitForExit()`` returns, since the id of a program
    /// that has been waited for may be given to another.
    package func terminate() {
        #if canImport(Glibc)
            kill(pid, SIGTERM)
        #else
            box.process.terminate()
        #endif
    }
}
