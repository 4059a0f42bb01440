import ServiceLifecycle

/// Publishes the notifications the variant schedules, each change at its time and all in the order they happened
/// (one at a time, so that a shorter delay never overtakes an earlier change). Stops on graceful shutdown.
struct ScheduledDelivery: Service {
    let core: ServerCore

    func run() async throws {
        for await publication in core.schedule.cancelOnGracefulShutdown() {
            // The delivery time is the point of this service; cancellation only ends the wait early.
            try? await Task.sleep(until: publication.due, clock: .continuous)
            await core.publish(publication)
        }
    }
}
