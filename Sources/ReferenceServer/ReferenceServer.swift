import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import ServiceLifecycle
import UnixSignals

/// The bundled reference implementation of the Interactions API and its Bayeux notifications.
public struct ReferenceServer: Sendable {
    public var configuration: ReferenceServerConfiguration
    public var logger: Logger

    /// A logger that only reports warnings and errors.
    public static var quietLogger: Logger {
        var logger = Logger(label: "reference-server")
        logger.logLevel = .warning
        return logger
    }

    public init(configuration: ReferenceServerConfiguration, logger: Logger = ReferenceServer.quietLogger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until the task is cancelled or SIGINT/SIGTERM arrives (then shuts down gracefully); calls `onReady`
    /// once the server is bound.
    public func run(onReady: @escaping @Sendable (RunningReferenceServer) async -> Void) async throws {
        let (ready, readyContinuation) = AsyncStream.makeStream(of: RunningReferenceServer.self)
        let services = try makeServiceGroup(gracefulShutdownSignals: [.sigterm, .sigint]) {
            readyContinuation.yield($0)
        }
        let serving = Self.serve(services, then: readyContinuation)
        try await withTaskCancellationHandler {
            for await running in ready {
                await onReady(running)
            }
            try await serving.value
        } onCancel: {
            Task { await services.triggerGracefulShutdown() }
        }
    }

    /// Starts a server, calls `body` with it once bound, and shuts it down gracefully (held long-polls are released
    /// at once) when `body` returns or throws.
    public static func withRunning<T: Sendable>(
        _ configuration: ReferenceServerConfiguration,
        _ body: @Sendable (RunningReferenceServer) async throws -> T
    ) async throws -> T {
        try await ReferenceServer(configuration: configuration).withRunning(body)
    }

    /// Starts this server, calls `body` with it once bound, and shuts it down gracefully afterwards, also when the
    /// calling task is cancelled.
    public func withRunning<T: Sendable>(_ body: @Sendable (RunningReferenceServer) async throws -> T) async throws -> T
    {
        let (ready, readyContinuation) = AsyncStream.makeStream(of: RunningReferenceServer.self)
        let services = try makeServiceGroup(gracefulShutdownSignals: []) { readyContinuation.yield($0) }
        let serving = Self.serve(services, then: readyContinuation)
        return try await withTaskCancellationHandler {
            var iterator = ready.makeAsyncIterator()
            guard let running = await iterator.next() else {
                await services.triggerGracefulShutdown()
                try await serving.value
                throw ReferenceServerError("The server stopped before it was listening")
            }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(running))
            } catch {
                result = .failure(error)
            }
            await services.triggerGracefulShutdown()
            switch result {
            case .success(let value):
                try await serving.value
                return value
            case .failure(let error):
                try? await serving.value
                throw error
            }
        } onCancel: {
            Task { await services.triggerGracefulShutdown() }
        }
    }

    /// Runs the services in a task of their own, which the caller's cancellation does not reach: the server is only
    /// ever stopped by a graceful shutdown. Cancelling NIO's serving task while it accepts a connection traps
    /// ("Deinited NIOAsyncWriter without calling finish()", swift-nio issue 3481).
    private static func serve(
        _ services: ServiceGroup,
        then ready: AsyncStream<RunningReferenceServer>.Continuation
    ) -> Task<Void, any Error> {
        Task {
            defer { ready.finish() }
            try await services.run()
        }
    }

    /// The HTTP application, the long-poll release and (for the variant) the scheduled delivery, in the order that
    /// graceful shutdown needs (it runs in reverse: scheduled notifications stop, held long-polls are released,
    /// then the HTTP server drains).
    private func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal],
        onBound: @escaping @Sendable (RunningReferenceServer) -> Void
    ) throws -> ServiceGroup {
        let configuration = self.configuration
        let core = ServerCore(configuration: configuration)
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: ConnectionCloseMiddleware(enabled: configuration.deployment.contains(.connectionClose)))
        router.add(middleware: LatencyMiddleware(latency: configuration.latency))
        router.add(
            middleware: ErrorBodyMiddleware(configuration: configuration))
        let api = router.group("api/v2").add(middleware: AuthenticationMiddleware(configuration: configuration))
        InteractionRoutes(core: core, configuration: configuration).register(on: api)
        NotificationRoutes(core: core, configuration: configuration).register(on: api)
        FixtureRoutes(core: core, configuration: configuration).register(on: router)
        let server: HTTPServerBuilder =
            try configuration.tls.map { try .tls(.http1(), tlsConfiguration: $0.serverConfiguration()) } ?? .http1()
        let application = Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let running = RunningReferenceServer(
                    port: channel.localAddress?.port ?? configuration.port,
                    configuration: configuration,
                    core: core
                )
                await core.setBaseURL(running.baseURL)
                onBound(running)
            },
            logger: logger
        )
        var services: [any Service] = [application, LongPollRelease(core: core)]
        if configuration.dialect == .variant || configuration.effectiveNotificationLatency > .zero {
            services.append(ScheduledDelivery(core: core))
        }
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services,
                gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger
            )
        )
    }
}
