import Testing

@testable import ReferenceServer

/// `run(onReady:)` serves until its task is cancelled.
@Suite struct LifecycleTests {
    @Test func runServesUntilCancelled() async throws {
        let server = ReferenceServer(configuration: .generated())
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
            #expect(await running.core.waitUntilHolding(listener.clientId, timeout: .seconds(5)))
            group.cancelAll()
            while (try? await group.next()) != nil {}
        }
        #expect(ContinuousClock.now - started < .seconds(8))
    }
}
