import AsyncHTTPClient

extension BayeuxSession {
    /// POSTs one batch and reads the reply batch, all within `timeout`.
    func post(
        _ step: BayeuxStep,
        _ messages: [BayeuxMessage],
        timeout: Duration
    ) async -> Result<[BayeuxMessage], BayeuxTransportProblem> {
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json;charset=UTF-8")
        for (name, value) in endpoint.headers {
            request.headers.add(name: name, value: value)
        }
        let cookies = endpoint.cookies
        let url = endpoint.url
        if let cookie = cookies?.header(for: url) { request.headers.add(name: "Cookie", value: cookie) }
        request.body = .bytes(Array(BayeuxMessage.encodeBatch(messages).utf8))
        let client = httpClient
        let prepared = request
        let maxBodyBytes = endpoint.maxBodyBytes
        let reply: (status: UInt, body: [UInt8])
        do {
            // AHC's own deadline covers the head and comes first, so its error (connection refused, ...) is the one
            // reported; the race bounds reading the body too.
            reply = try await withDeadline(.now + timeout + .milliseconds(500)) {
                let response = try await client.execute(prepared, timeout: .nanoseconds(timeout.saturatingNanoseconds))
                cookies?.store(response.headers["set-cookie"], from: url)
                var body: [UInt8] = []
                for try await chunk in response.body {
                    guard body.count + chunk.readableBytes <= maxBodyBytes else {
                        throw BayeuxTransportProblem(description: "\(step) reply exceeds \(maxBodyBytes) bytes")
                    }
                    body += chunk.readableBytesView
                }
                return (response.status.code, body)
            }
        } catch let problem as BayeuxTransportProblem {
            return .failure(problem)
        } catch let error where error is DeadlineExceeded || (error as? HTTPClientError) == .deadlineExceeded {
            return .failure(BayeuxTransportProblem(description: "\(step) got no reply within \(timeout)"))
        } catch {
            return .failure(BayeuxTransportProblem(description: "\(step) request failed: \(error)"))
        }
        guard reply.status == 200 else {
            let excerpt = BayeuxReplyError.excerpt(of: reply.body)
            let detail = excerpt.isEmpty ? "" : ": \(excerpt)"
            return .failure(BayeuxTransportProblem(description: "\(step) answered HTTP \(reply.status)\(detail)"))
        }
        do {
            return .success(try BayeuxMessage.parseBatch(reply.body))
        } catch {
            return .failure(BayeuxTransportProblem(description: "\(step) \(error)"))
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds, `Int64.max` when it does not fit (a NIO `TimeAmount`).
    public var saturatingNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
