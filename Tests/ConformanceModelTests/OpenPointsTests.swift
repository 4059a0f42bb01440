import Testing

@testable import ConformanceModel

/// Issue 25: every point the document leaves open allows every answer, the unsettled state still judges what
/// the document does say, and a listing that disagrees is filed under the requirement that changed the agent's part.
@Suite struct OpenPointsTests {
    static let profile = ModelProfile(
        agents: ["agent1", "agent2", "agent3"], queues: ["q", "q2"], workbins: ["w", "w2"])

    /// agent1 owns the interaction; agent2 is a party of its conference (the invitee joined at once).
    static func conference() -> InteractionModel {
        var model = InteractionModel(invitedAgent: "agent1", profile: profile)
        #expect(model.observe(.accept, by: "agent1", outcome: .success) == nil)
        model.pin("conference-invitee", "at-once")
        #expect(model.observe(.startConference(agent: "agent2"), by: "agent1", outcome: .success) == nil)
        return model
    }

    @Test func aPartyThatIsNotTheOwnerMayBeRefusedOrServed() {
        let model = Self.conference()
        // The false finding of the issue: agent2 PlaceInWorkbin in agent1's conference, refused by a conformant server.
        #expect(model.allowed(.placeInWorkbin(workbin: "w"), by: "agent2") == [.success, .refusal])
        #expect(model.allowed(.updateProperties, by: "agent2") == [.success, .refusal])
        #expect(model.allowed(.stopProcessing, by: "agent2") == [.success, .refusal])
        // The owner is told by the document: done.
        #expect(model.allowed(.updateProperties, by: "agent1") == [.success])
        #expect(model.allowed(.placeInWorkbin(workbin: "w"), by: "agent1") == [.success])
        // A stranger is refused.
        #expect(model.allowed(.updateProperties, by: "agent3") == [.refusal])
    }

    @Test func pastWhatTheDocumentDefinesStrangersAndUnknownOperationsAreStillRefused() {
        var model = Self.conference()
        // A transfer during a conference: the document does not define it.
        #expect(model.observe(.transfer(target: "agent3"), by: "agent1", outcome: .success) == nil)
        #expect(model.worlds.allSatisfy { $0.unsettled })
        #expect(model.allowed(.unknown, by: "agent1") == [.refusal])
        #expect(model.allowed(.stopProcessing, by: "agent2") == [.success, .refusal])
        #expect(model.involved == ["agent1", "agent2", "agent3"])

        var small = InteractionModel(invitedAgent: "agent1", profile: Self.profile)
        #expect(small.observe(.accept, by: "agent1", outcome: .success) == nil)
        small.pin("conference-invitee", "at-once")
        #expect(small.observe(.startConference(agent: "agent2"), by: "agent1", outcome: .success) == nil)
        // agent2, a party, transfers it back to the owner: unsettled, yet agent3 never had a part.
        #expect(small.observe(.transfer(target: "agent1"), by: "agent2", outcome: .success) == nil)
        #expect(small.worlds.allSatisfy { $0.unsettled })
        #expect(small.allowed(.accept, by: "agent3") == [.refusal])
        // Only what a stranger may do in any state: ask for a workbin's content, which is not tied to the {id}.
        #expect(small.allowed(.getWorkbinContent(workbin: "w"), by: "agent3") == [.success, .refusal])
        #expect(small.allowed(.getWorkbinContent(workbin: "no-such-workbin"), by: "agent3") == [.refusal])
        #expect(small.listed(for: "agent3") == [false])
        #expect(!small.involved.contains("agent3"))
    }

    /// Past the unsettled point the record of invitations is stale: a listing there does not pin
    /// handled-includes-invited, and never leaves the model without a state (found by the false-finding matrix).
    @Test func aListingPastTheUnsettledPointKeepsEveryState() {
        var model = InteractionModel(
            invitedAgent: "agent1", profile: Self.profile,
            pinned: ["handled-includes-invited": "invited-too", "conference-invitee": "on-accept"])
        #expect(model.observe(.accept, by: "agent1", outcome: .success) == nil)
        #expect(model.observe(.startConference(agent: "agent2"), by: "agent1", outcome: .success) == nil)
        #expect(model.observe(.transfer(target: "agent2"), by: "agent1", outcome: .success) == nil)
        #expect(model.worlds.allSatisfy { $0.unsettled })
        #expect(model.observeListing(for: "agent2", listed: false) == nil)
        #expect(!model.worlds.isEmpty)
        #expect(model.involved.isSuperset(of: ["agent1", "agent2"]))
        #expect(model.allowed(.placeInQueue(queue: "q"), by: "agent1") == [.success, .refusal])
    }

    @Test func aListingThatDisagreesNamesTheRequirementThatChangedThePart() throws {
        var model = InteractionModel(invitedAgent: "agent1", profile: Self.profile)
        #expect(model.observe(.accept, by: "agent1", outcome: .success) == nil)
        var missing = model
        let unlistedProblem = missing.observeListing(for: "agent1", listed: false)
        let unlisted = try #require(unlistedProblem)
        #expect(unlisted.requirement == "ACCEPT-OWNERSHIP")
        #expect(model.observe(.stopProcessing, by: "agent1", outcome: .success) == nil)
        let stillListedProblem = model.observeListing(for: "agent1", listed: true)
        let stillListed = try #require(stillListedProblem)
        #expect(stillListed.requirement == "STOPPROCESSING-ENDS-OWNERSHIP")
        #expect(
            stillListed.message
                == "GET /me/interactions of agent1 lists the interaction [STOPPROCESSING-ENDS-OWNERSHIP]")
        // An agent that never had a part: the listing's own clause.
        let strangerProblem = model.observeListing(for: "agent3", listed: true)
        let stranger = try #require(strangerProblem)
        #expect(stranger.requirement == "HANDLED-BY-AGENT")
    }

    @Test func afterARejectOnlyTheAgentItWasPresentedToMayHear() {
        var model = InteractionModel(invitedAgent: "agent1", profile: Self.profile)
        #expect(model.observe(.reject, by: "agent1", outcome: .success) == nil)
        // agent2 or agent3 may have been presented it, or an agent the suite does not watch, which may reject it in
        // turn to anyone: each may hear of it, and both only in that last state.
        #expect(model.uncertainHearers == ["agent2", "agent3"])
        var both = model
        let bothFit = both.observeHearers(["agent2", "agent3"])
        #expect(bothFit)
        #expect(both.worlds.allSatisfy { $0.place == .elsewhere })
        // Once agent2 accepted it, it was agent2 that was presented it: agent3 may no longer hear of it.
        #expect(model.observe(.accept, by: "agent2", outcome: .success) == nil)
        #expect(!model.involved.contains("agent3"))
        var agent3Heard = model
        let agent3Fits = agent3Heard.observeHearers(["agent3"])
        #expect(!agent3Fits)
        let agent2Fits = model.observeHearers(["agent2"])
        #expect(agent2Fits)
    }

    @Test func shrinkingSimplifiesParameters() async {
        // Fails whenever some agent places the interaction in any queue: the shrunk sequence uses agent1 and q.
        let steps: [ExploreStep] = [
            .operation(agent: "agent3", .accept), .operation(agent: "agent3", .placeInQueue(queue: "q2")),
        ]
        let shrunk = await Shrinker.shrink(steps, rewrites: Self.profile.simpler) { candidate in
            candidate.contains {
                if case .operation(_, .placeInQueue(_?)) = $0 { true } else { false }
            }
        }
        #expect(shrunk == [.operation(agent: "agent1", .placeInQueue(queue: "q"))])
    }
}
