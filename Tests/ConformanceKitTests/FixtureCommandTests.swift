import Testing

@testable import ConformanceKit

/// Fixture commands run through `/bin/sh -c` on `ChildProcess` (posix_spawn, not Foundation's `Process`): their
/// output comes back, a failure says why, and one that outlives its limit is stopped.
@Suite(.timeLimit(.minutes(1))) struct FixtureCommandTests {
    @Test func theOutputOfACommandComesBack() async throws {
        let output = try await FixtureCommand(command: "printf 'ix-%s' 0001", timeLimit: .seconds(10)).run()
        #expect(output == "ix-0001")
    }

    @Test func aCommandThatFailsSaysItsStatus() async {
        await #expect(throws: FixtureCommand.Failure.self) {
            try await FixtureCommand(command: "exit 3", timeLimit: .seconds(10)).run()
        }
        do {
            _ = try await FixtureCommand(command: "exit 3", timeLimit: .seconds(10)).run()
        } catch {
            #expect(error.description == "fixture command exited with 3: exit 3")
        }
    }

    @Test func aCommandPastItsLimitIsStopped() async {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await FixtureCommand(command: "exec sleep 30", timeLimit: .milliseconds(300)).run()
            Issue.record("a command past its limit came back")
        } catch {
            #expect(error.description.contains("did not finish within"))
        }
        #expect(clock.now - start < .seconds(20))
    }

    /// Commands started at once each get their own output: no pipe leaks into another command.
    @Test func commandsRunAtOnceKeepTheirOutputApart() async throws {
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<12 {
                group.addTask {
                    (index, try await FixtureCommand(command: "echo \(index)", timeLimit: .seconds(20)).run())
                }
            }
            var outputs: [Int: String] = [:]
            for try await (index, output) in group { outputs[index] = output }
            return outputs
        }
        #expect(outputs.count == 12)
        #expect(outputs.allSatisfy { $0.value == "\($0.key)\n" })
    }
}
