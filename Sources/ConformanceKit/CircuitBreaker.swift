import ConformanceReport

/// Stops a run whose target has stopped answering: after `limit` exchanges in a row, across all cases, end
/// without an HTTP answer (connection refused, reset or closed, or no answer within the deadline), it trips.
/// Once tripped, every later exchange fails at once with the reason, and the runner starts no more cases.
///
/// Any HTTP answer, whatever its status or body, resets the count: a target that answers badly is judged by the
/// cases, not stopped. The API and the fixtures service are counted apart, so that fixtures that still answer
/// do not hide an API that hangs (each case would otherwise cost a request timeout), nor the other way round.
public struct CircuitBreaker: Sendable {
    /// The two services a run talks to.
    public enum Service: String, Sendable, Hashable, Codable {
        case api
        case fixtures
    }

    /// Why the run stopped.
    /// Why the breaker stopped the run (the report's `stopped`).
    public typealias Trip = RunStop

    fileprivate struct State {
        var streaks: [Service: Int] = [:]
        var reasons: [Service: String] = [:]
        var lastAnsweredCase: String?
        var trip: Trip?
    }

    /// Exchanges in a row without an answer that trip the breaker; 0 never trips.
    public let limit: Int
    private let state = Locked(State())

    /// The default `limit`: a conformant target never fails at the transport level, so a handful in a row
    /// means it is down or hung, while one flaky exchange does not stop a run.
    public static let defaultLimit = 5

    public init(limit: Int = Self.defaultLimit) {
        self.limit = max(0, limit)
    }

    /// Why the breaker tripped, once it has.
    public var trip: Trip? { state.current.trip }

    /// The service answered an exchange of `caseId` (nil outside a case).
    package func recordAnswer(from service: Service, caseId: String?) {
        state.withLock { state in
            guard state.trip == nil else { return }
            state.streaks[service] = 0
            if let caseId { state.lastAnsweredCase = caseId }
        }
    }

    /// An exchange with the service got no answer; returns the trip if this failure tripped the breaker.
    @discardableResult
    package func recordFailure(of service: Service, reason: String) -> Trip? {
        state.withLock { state in
            guard state.trip == nil else { return state.trip }
            let streak = state.streaks[service, default: 0] + 1
            state.streaks[service] = streak
            state.reasons[service] = reason
            guard limit > 0, streak >= limit else { return nil }
            return state.stop(service, reason: reason)
        }
    }

    /// Trips at once when the last exchange with `service` got no answer, whatever the limit: for an exchange the
    /// run cannot go on without, such as the reset before the first case. Returns the trip, if any.
    @discardableResult
    package func tripIfLastUnanswered(_ service: Service) -> Trip? {
        state.withLock { state in
            guard state.trip == nil else { return state.trip }
            guard state.streaks[service, default: 0] > 0, let reason = state.reasons[service] else { return nil }
            return state.stop(service, reason: reason)
        }
    }
}

extension CircuitBreaker.State {
    fileprivate mutating func stop(_ service: CircuitBreaker.Service, reason: String) -> CircuitBreaker.Trip {
        let said = service == .fixtures ? "the fixtures: \(reason)" : reason
        let trip = CircuitBreaker.Trip(
            afterCase: lastAnsweredCase, reason: said, failures: streaks[service, default: 0])
        self.trip = trip
        return trip
    }
}
