import Testing

@testable import ConformanceModel

/// The model allows what the document allows, refuses what it refuses, and pins a reading once the target shows it.
@Suite struct InteractionModelTests {
    static let profile = ModelProfile(agents: ["agent1", "agent2", "agent3"], queues: ["q"], workbins: ["w"])

    static func invited() -> InteractionModel { InteractionModel(invitedAgent: "agent1", profile: profile) }

    static func accepted() -> InteractionModel {
        var model = invited()
        #expect(model.observe(.accept, by: "agent1", outcome: .success) == nil)
        return model
    }

    @Test func onlyTheInvitedAgentMayAcceptAndOnlyOnce() throws {
        var model = Self.invited()
        #expect(model.allowed(.accept, by: "agent2") == [.refusal])
        #expect(model.allowed(.accept, by: "agent1") == [.success])
        #expect(model.allowed(.updateProperties, by: "agent1") == [.refusal])
        let observed = model.observe(.accept, by: "agent2", outcome: .success)
        let deviation = try #require(observed)
        #expect(deviation.requirement == "ACCEPT-AFTER-INVITATION")
        #expect(deviation.allowed == [.refusal])
        #expect(model.observe(.accept, by: "agent1", outcome: .success) == nil)
        #expect(model.allowed(.accept, by: "agent1") == [.refusal])
    }

    /// Two requests at once pass when one order of the two allows both answers, and fail when none does.
    @Test func aPairPassesOnlyWhenSomeOrderAllowsBothAnswers() throws {
        var model = Self.accepted()
        model.pin("conference-invitee", "at-once")
        #expect(model.observe(.startConference(agent: "agent2"), by: "agent1", outcome: .success) == nil)
        let leaving = (
            ExploreAction("agent1", .endConference(agent: "agent1")),
            ExploreAction("agent2", .endConference(agent: "agent2"))
        )
        // One leaves first; the last one keeps the interaction and cannot leave a conference of one.
        for outcomes in [(ModelOutcome.success, ModelOutcome.refusal), (.refusal, .success)] {
            var serial = model
            #expect(serial.observe(leaving, outcomes: outcomes) == nil)
            #expect(serial.worlds.allSatisfy { $0.parties.isEmpty && $0.owner != nil })
        }
        let bothLeft = model.observe(leaving, outcomes: (.success, .success))
        let deviation = try #require(bothLeft)
        #expect(deviation.requirement == "ENDCONFERENCE-AGENT")
        #expect(deviation.description.hasPrefix("sent at once"))
    }

    /// The notifications a change requires, and the agents that must never hear of the interaction.
    @Test func noticesNameTheirRecipientsAndStrangersStayStrangers() {
        var model = Self.accepted()
        #expect(model.involved == ["agent1"])
        #expect(model.observe(.startConference(agent: "agent2"), by: "agent1", outcome: .success) == nil)
        #expect(
            model.notices.map(\.recipients) == [["agent1", "agent2"]]
                && model.notices.first?.requirement == "STARTCONFERENCE-INVITED")
        #expect(model.involved == ["agent1", "agent2"])
        #expect(model.observe(.accept, by: "agent2", outcome: .success) == nil)
        #expect(model.observe(.endConference(agent: "agent2"), by: "agent2", outcome: .success) == nil)
        #expect(
            model.notices == [
                Notice(.state("LeftConference"), to: ["agent1"], requirement: "ENDCONFERENCE-LEFT-NOTIFICATION")
            ])
        // Placed in a workbin, the interaction shows in that workbin's content.
        #expect(model.observe(.placeInWorkbin(workbin: "w"), by: "agent1", outcome: .success) == nil)
        #expect(model.observe(.getWorkbinContent(workbin: "w"), by: "agent1", outcome: .success) == nil)
        #expect(model.notices.map(\.kind).contains(.workbinListing))
        #expect(!model.involved.contains("agent3"))
    }

    @Test func endingTheWorkEndsOwnershipForGood() {
        for ending in [ModelOperation.stopProcessing, .placeInQueue(queue: "q")] {
            var model = Self.accepted()
            #expect(model.allowed(ending, by: "agent2") == [.refusal])
            #expect(model.observe(ending, by: "agent1", outcome: .success) == nil)
            for operation in [ModelOperation.updateProperties, .stopProcessing, .transfer(target: "agent2")] {
                #expect(model.allowed(operation, by: "agent1") == [.refusal], "\(ending) then \(operation)")
            }
        }
    }

    @Test func aMalformedParameterIsRefused() {
        let model = Self.accepted()
        #expect(model.allowed(.placeInQueue(queue: nil), by: "agent1") == [.refusal])
        #expect(model.allowed(.placeInWorkbin(workbin: "nope"), by: "agent1") == [.refusal])
        #expect(model.allowed(.transfer(target: "agent9"), by: "agent1") == [.refusal])
        #expect(model.allowed(.transfer(target: "agent1"), by: "agent1") == [.refusal])
        #expect(model.allowed(.startConference(agent: nil), by: "agent1") == [.refusal])
        #expect(model.allowed(.endConference(agent: "agent1"), by: "agent1") == [.refusal])
    }

    @Test func aRejectedInteractionLeavesTheAgent() {
        var model = Self.invited()
        #expect(model.allowed(.reject, by: "agent2") == [.refusal])
        #expect(model.observe(.reject, by: "agent1", outcome: .success) == nil)
        #expect(model.allowed(.accept, by: "agent1") == [.refusal])
        #expect(model.listed(for: "agent1") == [false])
    }

    /// transfer-ownership: both readings pass until the target shows one; then the other is a deviation.
    @Test func aTransferAllowsBothReadingsUntilTheTargetPicksOne() throws {
        var model = Self.accepted()
        #expect(model.observe(.transfer(target: "agent2"), by: "agent1", outcome: .success) == nil)
        #expect(model.allowed(.accept, by: "agent2") == [.success, .refusal])
        #expect(model.allowed(.updateProperties, by: "agent1") == [.success, .refusal])
        // The target refuses the target's Accept as already done: ownership moved at once.
        #expect(model.observe(.accept, by: "agent2", outcome: .refusal) == nil)
        #expect(model.pinned["transfer-ownership"] == "at-once")
        #expect(model.allowed(.updateProperties, by: "agent1") == [.refusal])
        #expect(model.allowed(.updateProperties, by: "agent2") == [.success])
        // A later interaction of the same run starts with the choice pinned.
        var next = InteractionModel(invitedAgent: "agent1", profile: Self.profile, pinned: model.pinned)
        #expect(next.observe(.accept, by: "agent1", outcome: .success) == nil)
        #expect(next.observe(.transfer(target: "agent3"), by: "agent1", outcome: .success) == nil)
        #expect(next.allowed(.updateProperties, by: "agent1") == [.refusal])
    }

    @Test func theLastAgentLeftInAConferenceKeepsTheInteraction() {
        var model = Self.accepted()
        #expect(model.observe(.startConference(agent: "agent2"), by: "agent1", outcome: .success) == nil)
        #expect(model.allowed(.startConference(agent: "agent2"), by: "agent3") == [.refusal])
        #expect(model.observe(.accept, by: "agent2", outcome: .success) == nil)
        #expect(model.allowed(.endConference(agent: "agent1"), by: "agent1") == [.success])
        #expect(model.observe(.endConference(agent: "agent1"), by: "agent1", outcome: .success) == nil)
        #expect(model.allowed(.updateProperties, by: "agent2") == [.success])
        #expect(model.allowed(.updateProperties, by: "agent1") == [.refusal])
        #expect(model.listed(for: "agent2") == [true])
        #expect(model.listed(for: "agent1") == [false])
    }

    @Test func anInvitationMayOrMayNotBeListedButTheChoiceIsPinned() throws {
        var model = Self.invited()
        #expect(model.listed(for: "agent1") == [true, false])
        #expect(model.listed(for: "agent2") == [false])
        #expect(model.observeListing(for: "agent1", listed: true) == nil)
        #expect(model.pinned["handled-includes-invited"] == "invited-too")
        let second = InteractionModel(invitedAgent: "agent3", profile: Self.profile, pinned: model.pinned)
        #expect(second.listed(for: "agent3") == [true])
        let observed = model.observeListing(for: "agent2", listed: true)
        let finding = try #require(observed)
        #expect(finding.message.hasSuffix("[HANDLED-BY-AGENT]"))
    }
}
