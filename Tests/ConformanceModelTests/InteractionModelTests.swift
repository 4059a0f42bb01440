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
        #expect(finding.hasSuffix("[HANDLED-BY-AGENT]"))
    }
}
