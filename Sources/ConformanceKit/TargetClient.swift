import AsyncHTTPClient
import Bayeux
import Foundation
import NIOCore
import NIOHTTP1

/// Sends requests to the target with a deadline for the whole exchange and a cap on what it reads.
public struct TargetClient: Sendable {
    /// Why an exchange produced no answer.
    public struct TransportError: Error, Sendable, CustomStringConvertible {
        public var url: String
        public var reason: String
        /// Nothing listens there (connection refused, unknown host): the target cannot be reached at all.
        public var unreachable: Bool
        /// The target gave no answer (refused, reset, closed, timed out), as opposed to an answer the suite
        /// would not read (too large); this is what the circuit breaker counts.
        public var silent: Bool = true

        public var description: String { "\(url): \(reason)" }
    }

    public var httpClient: HTTPClient
    /// The client for the fixtures when their URL takes other transport settings than the API's (no proxy for a
    /// loopback or `NO_PROXY` fixtures URL); nil: the same client.
    public var fixtureHTTPClient: HTTPClient?
    public var timeout: Duration
    public var maxBodyBytes: Int
    /// Counts every exchange sent through this client.
    public let meter: ExchangeMeter
    /// Counts exchanges in a row without an answer, across all cases; once tripped, no more are sent.
    public let breaker: CircuitBreaker
    /// The case the exchanges belong to, for the breaker's "after case X".
    public var caseId: String?
    /// Counts the exchanges of that case alone.
    public var caseMeter: ExchangeMeter?
    /// Which service the exchanges go to; the breaker counts each apart.
    public var service = CircuitBreaker.Service.api
    /// The cookie jar of each account, shared with its notification session.
    public var cookies = CookieJars()

    public init(
        httpClient: HTTPClient,
        timeout: Duration,
        maxBodyBytes: Int = 16 * 1024 * 1024,
        meter: ExchangeMeter = ExchangeMeter(),
        breaker: CircuitBreaker = CircuitBreaker(limit: 0),
        keepsCookies: Bool = true
    ) {
        self.cookies = CookieJars(enabled: keepsCookies)
        self.httpClient = httpClient
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.meter = meter
        self.breaker = breaker
    }

    /// The HTTP client settings a run needs: no redirects or decompression (the answer is judged as sent),
    /// and a refused connect fails at once instead of being retried until the deadline, so that a target that
    /// is down is told from one that is slow.
    public static var httpClientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            decompression: .disabled
        )
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Sends one request and reads the whole answer, within `timeout`; tells the breaker whether it got one.
    /// Cookies come from and go to `account`'s jar, or `ownJar` (a request that must not touch the account's).
    public func send(
        method: String,
        url: String,
        headers: [(String, String)],
        body: [UInt8]?,
        cookiesOf account: String? = nil,
        ownJar: CookieJar? = nil
    ) async throws(TransportError) -> HTTPAnswer {
        if let trip = breaker.trip {
            throw TransportError(url: url, reason: trip.description, unreachable: false)
        }
        let jar = ownJar ?? cookies.jar(for: account)
        var headers = headers
        if let cookie = jar?.header(for: url) { headers.append(("Cookie", cookie)) }
        do {
            let answer = try await exchange(method: method, url: url, headers: headers, body: body)
            breaker.recordAnswer(from: service, caseId: caseId)
            jar?.store(answer.headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1), from: url)
            return answer
        } catch {
            if error.silent { breaker.recordFailure(of: service, reason: error.reason) }
            throw error
        }
    }

    /// Sends one request and reads the whole answer, within `timeout`.
    package func exchange(
        method: String,
        url: String,
        headers: [(String, String)],
        body: [UInt8]?
    ) async throws(TransportError) -> HTTPAnswer {
        meter.record()
        caseMeter?.record()
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                request.headers.add(name: "Content-Type", value: "application/json")
            }
        }
        let client = httpClient
        let prepared = request
        let limit = maxBodyBytes
        let deadline = timeout
        do {
            // AHC's own deadline comes first so that, when nothing listens, its "connection refused" (after its
            // connect retries) is what we see; ours bounds the body, which AHC's deadline does not cover.
            return try await Deadline.run(deadline + .milliseconds(250)) {
                let response = try await client.execute(prepared, timeout: .nanoseconds(deadline.saturatingNanoseconds))
                let buffer = try await response.body.collect(upTo: limit)
                return HTTPAnswer(
                    status: Int(response.status.code),
                    headers: response.headers.map { ($0.name, $0.value) },
                    body: Array(buffer.readableBytesView)
                )
            }
        } catch let error as Deadline.Exceeded {
            throw TransportError(url: url, reason: error.description, unreachable: false)
        } catch is NIOTooManyBytesError {
            throw TransportError(
                url: url,
                reason: "the answer is larger than \(limit / 1024 / 1024) MiB; the suite stopped reading it",
                unreachable: false,
                silent: false
            )
        } catch {
            throw Self.describe(error, url: url)
        }
    }

    package static func describe(_ error: any Error, url: String) -> TransportError {
        let text = String(describing: error)
        let refused =
            text.contains("connectionRefused") || text.contains("Connection refused")
            || text.contains("connectTimeout") || text.contains("ECONNREFUSED") || text.contains("dnsResolution")
            || text.contains("NIOConnectionError")
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout: return TransportError(url: url, reason: "connection timed out", unreachable: true)
            case .remoteConnectionClosed:
                return TransportError(
                    url: url, reason: "the target closed the connection before answering", unreachable: false)
            case .deadlineExceeded, .readTimeout:
                return TransportError(url: url, reason: "no answer in time", unreachable: false)
            default: break
            }
        }
        if !refused, text.contains("Connection reset") || text.contains("errno: 104") {
            return TransportError(
                url: url, reason: "the target reset the connection before answering", unreachable: false)
        }
        return TransportError(url: url, reason: refused ? "connection refused" : text, unreachable: refused)
    }
}
