import ServiceLifecycle

/// Publishes the notifications the server delays (the variant's, and those of a notification latency), each at
/// its time. Publications of one order (an agent) go out one at a time in the order they were scheduled, so a
/// shorter delay never overtakes an earlier change; different orders wait side by side. Stops on graceful
/// shutdown.
struct ScheduledDelivery: Service {
    let core: ServerCore

    func run() async throws {
        await withDiscardingTaskGroup { group in
            var queues: [String: AsyncStream<ScheduledPublication>.Continuation] = [:]
            for await publication in core.schedule.cancelOnGracefulShutdown() {
                if let queue = queues[publication.order] {
                    queue.yield(publication)
                    continue
                }
                let (stream, queue) = AsyncStream.makeStream(of: ScheduledPublication.self)
                queues[publication.order] = queue
                queue.yield(publication)
                group.addTask {
                    for await next in stream {
                        // The delivery time is the point of this service; a shutdown drops what is still waiting.
                        try? await Task.sleep(until: next.due, clock: .continuous)
                        if Task.isCancelled { break }
                        await core.publish(next)
                    }
                }
            }
            // Graceful shutdown: nothing more is published.
            for queue in queues.values { queue.finish() }
            group.cancelAll()
        }
    }
}
