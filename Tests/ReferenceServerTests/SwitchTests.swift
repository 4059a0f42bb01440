import Testing

@testable import ReferenceServer

/// Each switch breaks what it says, on a live server.
@Suite struct SwitchTests {
    @Test func switchesAreNamedAndDescribed() {
        let names = Switch.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(Switch(rawValue: "ok-uppercase") == .okUppercase)
        for deviation in Switch.allCases {
            #expect(!deviation.summary.isEmpty)
        }
    }

    @Test func summariesAreOneLine() {
        for deviation in Switch.allCases { #expect(!deviation.summary.contains("\n")) }
    }

    @Test func okUppercase() async throws {
        try await Harness.with([.okUppercase]) { harness in
            let id = try await harness.create()
            let reply = try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#)
            #expect(reply.json == ["status": "OK"])
        }
    }

    @Test func missingStatusCodeAndRelativeURIs() async throws {
        try await Harness.with([.missingStatusCode, .relativeURIs]) { harness in
            let id = try await harness.accepted()
            let reply = try await harness.agent1.get("/api/v2/me/interactions")
            #expect(reply.json?["statusCode"] == nil)
            #expect(reply.json?["uris"] == [.string("/api/v2/interactions/\(id)")])
        }
    }

    @Test func leaveConferenceOnly() async throws {
        try await Harness.with([.leaveConferenceOnly]) { harness in
            let id = try await harness.accepted()
            _ = try await harness.agent1.operate(id, #"{"operationName":"StartConference","agentId":"agent-2"}"#)
            let end = try await harness.agent1.operate(id, #"{"operationName":"EndConference","agentId":"agent-2"}"#)
            let leave = try await harness.agent1.operate(
                id, #"{"operationName":"LeaveConference","agentId":"agent-2"}"#)
            #expect(end.status == 400)
            #expect(leave.status == 200)
        }
    }

    @Test func errorStatus200AndMissingDescription() async throws {
        try await Harness.with([.errorStatus200, .missingErrorDescription]) { harness in
            let reply = try await harness.agent1.operate("nope", #"{"operationName":"Accept"}"#)
            #expect(reply.status == 200)
            #expect(reply.json == ["status": "error"])
        }
    }

    @Test func noInvitedNotification() async throws {
        try await Harness.with([.noInvitedNotification]) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            let id = try await harness.create()
            #expect(try await harness.agent1.operate(id, #"{"operationName":"Accept"}"#).status == 200)
            // The Accepted notification comes after anything the creation sent.
            #expect(try await listener.messages(before: { $0["state"] == "Accepted" }).isEmpty)
        }
    }

    @Test func rejectNotRepresentedKeepsTheInvitation() throws {
        var desk = Desk([.rejectNotRepresented])
        let id = try desk.create()
        let rejected = desk.run(.reject, id, by: "agent-1")
        let interaction = desk.center.interactions[id]
        let accepted = desk.run(.accept, id, by: "agent-1")
        #expect(rejected.isEmpty)
        #expect(interaction?.invitee == "agent-1")
        #expect(interaction?.status == .invited)
        #expect(accepted == ["agent-1:Accepted"])
    }

    @Test func queueKeepsOwner() throws {
        var desk = Desk([.queueKeepsOwner])
        let id = try desk.accepted()
        let queued = desk.run(.placeInQueue(queue: "queue-a"), id, by: "agent-1")
        let status = desk.center.interactions[id]?.status
        let listed = desk.center.interactions(handledBy: "agent-1").map(\.id)
        let stopped = desk.run(.stopProcessing, id, by: "agent-1")
        #expect(queued.isEmpty)
        #expect(status == .active)
        #expect(listed == [id])
        #expect(stopped == ["agent-1:Completed"])
    }

    @Test func workbinNotPlaced() throws {
        var desk = Desk([.workbinNotPlaced])
        let id = try desk.accepted()
        let placed = desk.run(.placeInWorkbin(["workbin-a"]), id, by: "agent-1")
        let content = try desk.message(.getWorkbinContent(workbin: "workbin-a"), id, by: "agent-1")
        #expect(placed.isEmpty)
        #expect(desk.center.interactions[id]?.status == .active)
        #expect(desk.center.interactions(handledBy: "agent-1").map(\.id) == [id])
        #expect(content?["interactions"] == [])
    }

    @Test func conferenceStateName() throws {
        var desk = Desk([.conferenceStateName])
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        #expect(started == ["agent-2:ConferenceInvited"])
    }

    @Test func duplicateNotifications() async throws {
        try await Harness.with([.duplicateNotifications]) { harness in
            let listener = try await NotificationListener.open(harness.agent1)
            let id = try await harness.create()
            let messages = try await listener.connectMessages()
            #expect(messages.map { $0["data"]?["id"] } == [.string(id), .string(id)])
            #expect(messages.map { $0["data"]?["state"] } == ["Invited", "Invited"])
            #expect(Set(messages.compactMap { $0["id"] }).count == 2)
        }
    }

    @Test func fieldsIgnored() async throws {
        try await Harness.with([.fieldsIgnored]) { harness in
            let id = try await harness.accepted()
            let reply = try await harness.agent1.get("/api/v2/me/interactions?fields=*")
            #expect(reply.json?["interactions"] == nil)
            #expect(reply.json?["uris"] == [.string("\(harness.server.baseURL)/interactions/\(id)")])
        }
    }

    @Test func anonymousAllowed() async throws {
        try await Harness.with([.anonymousAllowed]) { harness in
            let id = try await harness.accepted()
            let anonymous = try await harness.anonymous.get("/api/v2/me/interactions")
            var wrong = harness.agent1
            wrong.authorization = "Basic " + "agent1:not-the-password".utf8.base64
            let refused = try await wrong.get("/api/v2/me/interactions")
            #expect(anonymous.status == 200)
            #expect(anonymous.json?["uris"] == [.string("\(harness.server.baseURL)/interactions/\(id)")])
            #expect(refused.status == 401)
        }
    }

    @Test func serverErrorRefusals() async throws {
        try await Harness.with([.serverErrorRefusals]) { harness in
            let missing = try await harness.agent1.operate("NoSuchOne", #"{"operationName":"Accept"}"#)
            let unknown = try await harness.agent1.get("/api/v2/nothing")
            let anonymous = try await harness.anonymous.get("/api/v2/me/interactions")
            #expect(missing.status == 500)
            #expect(missing.json?["status"] == "error")
            #expect(missing.json?["errorDescription"]?.stringValue?.isEmpty == false)
            #expect(unknown.status == 500)
            #expect(anonymous.status == 401)
        }
    }

    @Test func htmlErrorPages() async throws {
        try await Harness.with([.htmlErrorPages]) { harness in
            let missing = try await harness.agent1.operate("NoSuchOne", #"{"operationName":"Accept"}"#)
            let bad = try await harness.agent1.operate("NoSuchOne", #"{"operationName":"<b>Dance"}"#)
            let anonymous = try await harness.anonymous.get("/api/v2/me/interactions")
            #expect(missing.status == 404)
            #expect(bad.status == 400)
            for reply in [missing, bad] {
                #expect(reply.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(reply.text.hasPrefix("<!DOCTYPE html>"))
                #expect(reply.json == nil)
            }
            #expect(bad.text.contains("'&lt;b&gt;Dance'"))
            #expect(anonymous.status == 401)
            #expect(anonymous.headers[.contentType] == "application/json")
            #expect(anonymous.json?["status"] == "error")
        }
    }

    @Test func statusCodeString() async throws {
        try await Harness.with([.statusCodeString]) { harness in
            let id = try await harness.accepted()
            let uris = try await harness.agent1.get("/api/v2/me/interactions")
            let full = try await harness.agent1.get("/api/v2/me/interactions?fields=*")
            let all = try await harness.admin.get("/api/v2/interactions")
            let one = try await harness.agent1.get("/api/v2/interactions/\(id)")
            #expect(uris.json?["statusCode"] == "0")
            #expect(full.json?["statusCode"] == "0")
            #expect(uris.text.hasPrefix(#"{"statusCode":"0","#))
            #expect(all.json?["statusCode"] == 0)
            #expect(one.json?["statusCode"] == 0)
        }
    }

    @Test func conferenceInvitesThirdAgent() throws {
        var desk = Desk([.conferenceInvitesThirdAgent])
        let id = try desk.accepted()
        let started = desk.run(.startConference(agentId: "agent-2"), id, by: "agent-1")
        let other = try desk.accepted(by: "agent-3")
        let fromThree = desk.run(.startConference(agentId: "agent-1"), other, by: "agent-3")
        #expect(started == ["agent-3:InvitedConference"])
        #expect(fromThree == ["agent-2:InvitedConference"])
        #expect(desk.center.interactions[id]?.participants == ["agent-1", "agent-2"])
    }

    @Test(arguments: Reading.transferOwnership.alternativeNames)
    func transferNotifiesNobody(_ ownership: String) throws {
        let readings = Readings(.transferOwnership, ownership)
        var desk = Desk([.transferNotifiesNobody], readings: readings)
        let id = try desk.accepted()
        let transferred = desk.run(.transfer(targetId: "agent-2"), id, by: "agent-1")
        let accepted = desk.run(.accept, id, by: "agent-2")
        #expect(transferred.isEmpty)
        #expect(accepted == (readings.follows(.transferOwnership, "on-accept") ? ["agent-2:Accepted"] : ["409"]))
        #expect(desk.center.interactions(handledBy: "agent-1").isEmpty)
        #expect(desk.center.interactions(handledBy: "agent-2").map(\.id) == [id])
    }

    /// `error-status-200` is `refusal-status=200`: the same answers.
    @Test func errorStatus200IsTheRefusalStatusReading() async throws {
        let reading = try Readings(parsing: ["refusal-status=200"])
        let bodies = [#"{"operationName":"Accept"}"#, #"{"operationName":"Dance"}"#]
        let viaSwitch = try await Harness.with([.errorStatus200]) { harness in
            try await Self.refusals(harness, bodies)
        }
        let viaReading = try await Harness.with(readings: reading) { harness in
            try await Self.refusals(harness, bodies)
        }
        #expect(viaSwitch == viaReading)
        #expect(viaSwitch.map { $0.prefix(4) } == ["200 ", "200 ", "404 ", "401 "])
    }

    /// Status and body (`"404 {...}"`) of: each of `bodies` on an unknown interaction, an unknown route, no credentials.
    static func refusals(_ harness: Harness, _ bodies: [String]) async throws -> [String] {
        var replies: [HTTPReply] = []
        for body in bodies {
            replies.append(try await harness.agent1.operate("NoSuchOne", body))
        }
        replies.append(try await harness.agent1.get("/api/v2/nothing"))
        replies.append(try await harness.anonymous.get("/api/v2/me/interactions"))
        return replies.map { "\($0.status) \($0.text)" }
    }
}
