import ServiceLifecycle

/// Releases held long-polls when graceful shutdown begins, so that the HTTP server, which shuts down after this
/// service, does not wait for long-poll timeouts.
struct LongPollRelease: Service {
    let core: ServerCore

    func run() async throws {
        // Returns on graceful shutdown, throws on cancellation: either way the held connects must go.
        try? await gracefulShutdown()
        await core.close()
    }
}
