import ConformanceJSON
import Testing

@testable import Bayeux

@Suite(.timeLimit(.minutes(1))) struct NotificationInboxTests {
    static func message(_ id: String) -> BayeuxMessage {
        ["channel": "/v2/me/interactions", "data": ["id": .string(id)]]
    }

    @Test func returnsAtOnceWhenAMatchIsAlreadyThere() async {
        let inbox = NotificationInbox()
        await inbox.append(Self.message("a"))
        // A deadline in the past: only what is already there can answer.
        let found = await inbox.first(from: 0, excluding: [], deadline: .now - .seconds(1)) { $0.data["id"] == "a" }
        #expect(found?.index == 0)
        #expect(found?.channel == "/v2/me/interactions")
    }

    @Test func wakesTheWaiterWhenAMatchArrives() async {
        let inbox = NotificationInbox()
        await inbox.append(Self.message("other"))
        let (checks, checked) = AsyncStream.makeStream(of: Void.self)
        await withTaskGroup(of: ReceivedNotification?.self) { group in
            group.addTask {
                await inbox.first(from: 0, excluding: [], deadline: .now + .seconds(30)) { notification in
                    checked.yield()
                    return notification.data["id"] == "wanted"
                }
            }
            // The predicate sees "other" once in the first search and once more just before the waiter registers,
            // in the same actor turn, so an append after the second check reaches a registered waiter.
            var iterator = checks.makeAsyncIterator()
            _ = await iterator.next()
            _ = await iterator.next()
            let start = ContinuousClock.now
            await inbox.append(Self.message("wanted"))
            let found = await group.next()
            #expect(found??.index == 1)
            // Woken, not timed out: well under the 30 s deadline, however busy the machine.
            #expect(ContinuousClock.now - start < .seconds(20))
        }
    }

    @Test func answersNilAtTheDeadline() async {
        let inbox = NotificationInbox()
        await inbox.append(Self.message("a"))
        let start = ContinuousClock.now
        let found = await inbox.first(from: 0, excluding: [], deadline: start + .milliseconds(50)) { _ in false }
        #expect(found == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(50))
    }

    @Test func answersNilWhenCancelledWhileWaiting() async {
        let inbox = NotificationInbox()
        await inbox.append(Self.message("other"))
        let (checks, checked) = AsyncStream.makeStream(of: Void.self)
        await withTaskGroup(of: ReceivedNotification?.self) { group in
            group.addTask {
                await inbox.first(from: 0, excluding: [], deadline: .now + .seconds(60)) { _ in
                    checked.yield()
                    return false
                }
            }
            var iterator = checks.makeAsyncIterator()
            _ = await iterator.next()
            _ = await iterator.next()
            let start = ContinuousClock.now
            group.cancelAll()
            #expect(await group.next() == .some(nil))
            // Ended by the cancellation, not by the 60 s deadline.
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test func honoursFromAndExcluding() async {
        let inbox = NotificationInbox()
        for id in ["a", "b", "c", "d"] { await inbox.append(Self.message(id)) }
        let past = ContinuousClock.now - .seconds(1)
        #expect(await inbox.first(from: 1, excluding: [], deadline: past) { _ in true }?.index == 1)
        #expect(await inbox.first(from: 1, excluding: [1, 2], deadline: past) { _ in true }?.index == 3)
        #expect(await inbox.first(from: 4, excluding: [], deadline: past) { _ in true } == nil)
        #expect(await inbox.count == 4)
        #expect(await inbox.all().map(\.data) == [["id": "a"], ["id": "b"], ["id": "c"], ["id": "d"]])
    }

    @Test func waiterIgnoresArrivalsBeforeItsCursorAndExclusions() async {
        let inbox = NotificationInbox()
        await inbox.append(Self.message("x"))
        let (checks, checked) = AsyncStream.makeStream(of: Void.self)
        await withTaskGroup(of: ReceivedNotification?.self) { group in
            group.addTask {
                await inbox.first(from: 0, excluding: [1], deadline: .now + .seconds(30)) { notification in
                    checked.yield()
                    return notification.data["id"] == "x" && notification.index > 0
                }
            }
            var iterator = checks.makeAsyncIterator()
            _ = await iterator.next()
            _ = await iterator.next()
            await inbox.append(Self.message("x"))  // index 1: excluded
            await inbox.append(Self.message("x"))  // index 2: the one
            #expect(await group.next()??.index == 2)
        }
    }

    @Test func keepsProblemsInOrder() async {
        let inbox = NotificationInbox()
        await inbox.record(problem: "connect answered HTTP 500")
        await inbox.record(problem: "re-handshake after 402::Unknown client")
        #expect(await inbox.problems() == ["connect answered HTTP 500", "re-handshake after 402::Unknown client"])
    }

    /// A session the server ended (advice `reconnect: none`) ends the waits on it at once, not at their deadline.
    @Test func anEndedSessionStopsEveryWait() async {
        let inbox = NotificationInbox()
        await inbox.append(Self.message("old"))
        let farAway = ContinuousClock.now + .seconds(300)
        async let waiting = inbox.first(deadline: farAway) { $0.data["id"] == "new" }
        await inbox.end("the server advised reconnect none")
        #expect(await waiting == nil)
        #expect(await inbox.ended == "the server advised reconnect none")
        // What had arrived is still found; nothing else is waited for.
        #expect(await inbox.first(deadline: farAway) { $0.data["id"] == "old" }?.index == 0)
        #expect(await inbox.first(deadline: farAway) { $0.data["id"] == "new" } == nil)
    }
}
