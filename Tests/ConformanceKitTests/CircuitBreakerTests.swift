import Testing

@testable import ConformanceCatalog
@testable import ConformanceKit
@testable import ConformanceReport

/// The breaker's rule, without sockets: K exchanges in a row without an answer, counted per service.
struct CircuitBreakerTests {
    @Test func tripsAfterTheLimitInARowAndNamesTheLastAnsweredCase() {
        let breaker = CircuitBreaker(limit: 3)
        breaker.recordAnswer(from: .api, caseId: "accept-invited")
        #expect(breaker.recordFailure(of: .api, reason: "connection refused") == nil)
        #expect(breaker.recordFailure(of: .api, reason: "connection refused") == nil)
        let trip = breaker.recordFailure(of: .api, reason: "no answer in time")
        #expect(trip == CircuitBreaker.Trip(afterCase: "accept-invited", reason: "no answer in time", failures: 3))
        #expect(
            trip?.description
                == "the target stopped answering after case accept-invited (no answer in time; 3 exchanges in a row got no answer)"
        )
        breaker.recordAnswer(from: .api, caseId: "later")
        #expect(breaker.trip == trip)
    }

    @Test func anyAnswerResetsTheCount() {
        let breaker = CircuitBreaker(limit: 2)
        for _ in 0..<10 {
            #expect(breaker.recordFailure(of: .api, reason: "reset") == nil)
            breaker.recordAnswer(from: .api, caseId: nil)
        }
        #expect(breaker.trip == nil)
    }

    @Test func fixturesThatAnswerDoNotHideAnAPIThatHangs() {
        let breaker = CircuitBreaker(limit: 2)
        breaker.recordAnswer(from: .fixtures, caseId: "one")
        _ = breaker.recordFailure(of: .api, reason: "no answer in time")
        breaker.recordAnswer(from: .fixtures, caseId: "two")
        let trip = breaker.recordFailure(of: .api, reason: "no answer in time")
        #expect(trip?.afterCase == "two")
        #expect(trip?.failures == 2)
    }

    @Test func fixturesThatStopAnsweringTripItAndAreNamed() {
        let breaker = CircuitBreaker(limit: 1)
        let trip = breaker.recordFailure(of: .fixtures, reason: "connection refused")
        #expect(
            trip?.description
                == "the target stopped answering before it answered any case (the fixtures: connection refused; 1 exchange got no answer)"
        )
    }

    @Test func zeroNeverTrips() {
        let breaker = CircuitBreaker(limit: 0)
        for _ in 0..<100 { _ = breaker.recordFailure(of: .api, reason: "refused") }
        #expect(breaker.trip == nil)
    }

    @Test func reachabilityReadsTheHostAndPortOfTheBaseURL() {
        #expect(
            Reachability.endpoint(of: "http://lab.example:8090/api/v2").map { "\($0.host):\($0.port)" }
                == "lab.example:8090")
        #expect(
            Reachability.endpoint(of: "https://lab.example/api/v2").map { "\($0.host):\($0.port)" } == "lab.example:443"
        )
        #expect(Reachability.endpoint(of: "http://[::1]/api/v2").map { "\($0.host):\($0.port)" } == "::1:80")
        #expect(Reachability.endpoint(of: "ftp://lab.example/api") == nil)
        #expect(Reachability.endpoint(of: "not a url") == nil)
    }
}
