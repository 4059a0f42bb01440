import Testing

@testable import ConformanceModel

/// The generator explores the same sequences for the same seed, and the shrinker keeps only the steps a failure
/// needs.
@Suite struct ExplorationGeneratorTests {
    static let generator = SequenceGenerator(
        profile: ModelProfile(agents: ["agent1", "agent2", "agent3"], queues: ["q"], workbins: ["w"]))

    @Test func theSameSeedGivesTheSameSequences() {
        let first = Self.generator.sequences(seed: 42, count: 20, length: 8)
        #expect(first == Self.generator.sequences(seed: 42, count: 20, length: 8))
        #expect(first != Self.generator.sequences(seed: 43, count: 20, length: 8))
        #expect(first.count == 20 && first.allSatisfy { $0.count == 8 })
        // SplitMix64 is fixed: the first numbers of seed 0 are the published ones.
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func sequencesReachConferencesTransfersQueuesAndInvalidParameters() {
        let steps = Self.generator.sequences(seed: 1, count: 100, length: 8).flatMap { $0 }
        func count(_ matches: (ExploreStep) -> Bool) -> Int { steps.filter(matches).count }
        #expect(
            count {
                if case .operation(_, .startConference(let agent?)) = $0 { agent != "no-such-agent" } else { false }
            } > 20)
        #expect(count { if case .operation(_, .transfer) = $0 { true } else { false } } > 20)
        #expect(count { if case .operation(_, .placeInQueue(nil)) = $0 { true } else { false } } > 0)
        #expect(count { if case .listing = $0 { true } else { false } } > 50)
    }

    @Test func theShrinkerKeepsOnlyTheStepsTheFailureNeeds() async {
        let steps = Array(1...20)
        var tries = 0
        let shrunk = await Shrinker.shrink(steps) { candidate in
            tries += 1
            return candidate.contains(7) && candidate.contains(13)
        }
        #expect(shrunk == [7, 13])
        #expect(tries < 60)
    }

    /// A pair that fails as much when its requests go one after the other is written that way, as the catalog
    /// can send it; one that fails only at once stays a pair.
    @Test func theShrinkerSplitsAPairWhenTheFailureDoesNotNeedIt() async {
        let accept = ExploreAction("agent1", .accept)
        let again = ExploreAction("agent2", .accept)
        let steps: [ExploreStep] = [.listing(agent: "agent3"), .pair(accept, again)]
        let sequential = await Shrinker.shrink(steps, simpler: \.simpler) { candidate in
            candidate.contains(.operation(agent: "agent2", .accept))
                || candidate.contains(.pair(accept, again))
        }
        #expect(sequential == [.operation(agent: "agent2", .accept)])
        let atOnce = await Shrinker.shrink(steps, simpler: \.simpler) { $0.contains(.pair(accept, again)) }
        #expect(atOnce == [.pair(accept, again)])
    }
}
