import Testing

@testable import ReferenceServer

/// `run(onReady:)` serves until its task is cancelled.
@Suite struct LifecycleTests {
    @Test func runServesUntilCancelled() async throws {
        var configuration = ReferenceServerConfiguration.generated()
        configuration.longPollTimeout = .seconds(60)
        let server = ReferenceServer(configuration: configuration)
        let (ready, readyContinuation) = AsyncStream.makeStream(of: RunningReferenceServer.self)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { readyContinuation.yield($0) }
            }
            var iterator = ready.makeAsyncIterator()
            let running = try #require(await iterator.next())
            let listener = try await NotificationListener.open(Harness(server: running).agent1)
            let reply = try await Harness(server: running).admin.get("/api/v2/interactions")
            #expect(reply.status == 200)
            group.addTask {
                // Held, then released by the cancellation below.
                _ = try? await listener.connect()
            }
            #expect(await running.core.waitUntilHolding(listener.clientId, timeout: .seconds(30)))
            group.cancelAll()
            while (try? await group.next()) != nil {}
        }
        // Ended by the cancellation, not by the held connect's 60 s long-poll timeout (50 s leaves room for a loaded
        // machine and still tells the two apart).
        #expect(ContinuousClock.now - started < .seconds(50))
    }
}
