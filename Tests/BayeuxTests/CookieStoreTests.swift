import Foundation
import Testing

@testable import Bayeux

@Suite struct CookieStoreTests {
    let api = URL(string: "http://127.0.0.1:8090/api/v2/notifications")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aCookieGoesBackToTheHostThatSetItOnly() {
        var store = CookieStore()
        store.store(["BAYEUX_BROWSER=abc; Path=/; HttpOnly"], from: api, at: now)
        #expect(store.header(for: URL(string: "http://127.0.0.1:8090/api/v2/me")!, at: now) == "BAYEUX_BROWSER=abc")
        #expect(store.header(for: URL(string: "http://127.0.0.2:8090/api/v2/me")!, at: now) == nil)
    }

    @Test func withoutAPathTheCookieKeepsToTheDirectoryOfItsURL() {
        var store = CookieStore()
        store.store(["JSESSIONID=s1"], from: api, at: now)
        #expect(
            store.header(for: URL(string: "http://127.0.0.1:8090/api/v2/me/interactions")!, at: now) == "JSESSIONID=s1")
        #expect(store.header(for: URL(string: "http://127.0.0.1:8090/fixtures/reset")!, at: now) == nil)
        #expect(store.header(for: URL(string: "http://127.0.0.1:8090/api/v20")!, at: now) == nil)
    }

    @Test func aDomainCookieCoversSubdomainsButNotAnotherSite() {
        let lab = URL(string: "https://gws.lab.example.com/api/v2/me")!
        var store = CookieStore()
        store.store(["LB=node2; Domain=lab.example.com; Path=/", "EVIL=1; Domain=example.org"], from: lab, at: now)
        #expect(store.header(for: URL(string: "https://cometd.lab.example.com/x")!, at: now) == "LB=node2")
        #expect(store.header(for: URL(string: "https://other.example.com/x")!, at: now) == nil)
        #expect(store.count(at: now) == 1)
    }

    @Test func aSecureCookieTravelsOverHTTPSOnly() {
        let secure = URL(string: "https://gws.lab/api/v2/me")!
        var store = CookieStore()
        store.store(["S=1; Secure; Path=/"], from: secure, at: now)
        #expect(store.header(for: secure, at: now) == "S=1")
        #expect(store.header(for: URL(string: "http://gws.lab/api/v2/me")!, at: now) == nil)
    }

    @Test func expiryReplacementAndDeletion() {
        var store = CookieStore()
        store.store(["A=1; Path=/; Max-Age=60", "B=1; Path=/"], from: api, at: now)
        store.store(["B=2; Path=/"], from: api, at: now)
        #expect(store.header(for: api, at: now) == "A=1; B=2")
        // Max-Age counts from when it was set; it outlives neither its time nor a Max-Age=0.
        #expect(store.header(for: api, at: now.addingTimeInterval(61)) == "B=2")
        store.store(["B=gone; Path=/; Max-Age=0"], from: api, at: now)
        #expect(store.header(for: api, at: now) == "A=1")
        store.store(["A=old; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT"], from: api, at: now)
        #expect(store.header(for: api, at: now) == nil)
    }

    @Test func expiresDatesInEveryFormServersSendAndMalformedPairs() {
        var store = CookieStore()
        let future = ["Wed, 21 Oct 2037 07:28:00 GMT", "Wednesday, 21-Oct-37 07:28:00 GMT", "Wed Oct 21 07:28:00 2037"]
        store.store(future.enumerated().map { "F\($0.offset)=1; Path=/; Expires=\($0.element)" }, from: api, at: now)
        #expect(store.header(for: api, at: now) == "F0=1; F1=1; F2=1")
        // Each date was read: past it, the cookies are gone.
        #expect(store.header(for: api, at: CookieStore.date("Thu, 22 Oct 2037 00:00:00 GMT")!) == nil)
        // An Expires that cannot be read is ignored (a session cookie); no "=" or no name: no cookie.
        var odd = CookieStore()
        odd.store(["S=1; Expires=soon", "novalue", "=anonymous", " T = two words ; Secure"], from: api, at: now)
        #expect(odd.header(for: api, at: now) == "S=1")
        #expect(odd.header(for: URL(string: "https://127.0.0.1:8090/api/v2/x")!, at: now) == "S=1; T=two words")
    }

    @Test func aTrailingSlashPathAndOddAttributesAreKeptAsWritten() {
        let cometd = URL(string: "https://gws.lab/genesys/cometd/")!
        var store = CookieStore()
        store.store(
            ["LB=n1; Path=/genesys/cometd/", "EMPTY=1; Domain=", "ODD=1; Path=relative"], from: cometd, at: now)
        // The path as sent, trailing slash included, matches a cookie scoped to it.
        #expect(store.header(for: cometd, at: now)?.contains("LB=n1") == true)
        // An empty Domain is ignored: a host-only cookie. A Path not starting with "/" is the default path.
        #expect(store.header(for: URL(string: "https://gws.lab/genesys/cometd/x")!, at: now) == "LB=n1; EMPTY=1; ODD=1")
        #expect(store.header(for: URL(string: "https://other.lab/genesys/cometd/")!, at: now) == nil)
        #expect(store.header(for: URL(string: "https://gws.lab/elsewhere")!, at: now) == nil)
    }

    @Test func theLongerPathComesFirst() {
        var store = CookieStore()
        store.store(["X=root; Path=/", "X=api; Path=/api"], from: api, at: now)
        #expect(store.header(for: api, at: now) == "X=api; X=root")
    }

    @Test func jarsAreOnePerAccountUnlessOff() {
        let jars = CookieJars()
        #expect(jars.jar(for: "agent1") === jars.jar(for: "agent1"))
        #expect(jars.jar(for: "agent1") !== jars.jar(for: "agent2"))
        #expect(jars.jar(for: nil) == nil)
        #expect(CookieJars(enabled: false).jar(for: "agent1") == nil)
        let shared = CookieJars.sharedByAll()
        #expect(shared.jar(for: "agent1") === shared.jar(for: "agent2"))
    }
}
