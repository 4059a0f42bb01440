import ConformanceCatalog
import ConformanceModel
import Foundation

/// `conformance explore`: generated sequences run against the target and judged by the model of the document;
/// each failing sequence shrunk to the fewest steps that still fail and written as a catalog case.
public enum Exploration {
    public struct Options: Sendable {
        public var seed: UInt64
        public var sequences: Int
        public var steps: Int

        public init(seed: UInt64, sequences: Int, steps: Int) {
            self.seed = seed
            self.sequences = sequences
            self.steps = steps
        }
    }

    /// One deviation found, shrunk.
    public struct Finding: Sendable, Codable, Hashable {
        public var requirement: String
        public var message: String
        /// The sequence (from 0) that first showed it.
        public var sequence: Int
        public var originalSteps: Int
        /// The shrunk steps, in words; the last one deviates.
        public var steps: [String]
        /// The shrunk sequence as an operation file of the catalog.
        public var caseYAML: String
    }

    public struct Result: Sendable, Codable {
        public var seed: UInt64
        public var sequences: Int
        public var stepsPerSequence: Int
        /// Steps sent while exploring and shrinking.
        public var stepsRun: Int
        public var durationMs: Int
        public var findings: [Finding]
        /// The readings the target showed, as the model pinned them.
        public var readings: [String: String]
    }

    /// Explores; `progress` gets (sequences done, sequences, findings so far). One finding per requirement: a
    /// requirement found again in a later sequence is not shrunk again.
    public static func run(
        _ explorer: Explorer, options: Options,
        progress: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in }
    ) async throws(FixtureFailure) -> Result {
        let start = ContinuousClock.now
        let generator = SequenceGenerator(profile: explorer.model)
        var pinned: [String: String] = [:]
        var findings: [Finding] = []
        var stepsRun = 0
        for (index, sequence) in generator.sequences(
            seed: options.seed, count: options.sequences, length: options.steps
        )
        .enumerated() {
            let before = pinned
            let failure = try await explorer.run(sequence, pinned: &pinned)
            stepsRun += failure.map { $0.step + 1 } ?? sequence.count
            if let failure, !findings.contains(where: { $0.requirement == failure.requirement }) {
                let failing = Array(sequence.prefix(failure.step + 1))
                var runs = 0
                let shrunk = try await Shrinker.shrink(failing) { (candidate) throws(FixtureFailure) in
                    var scratch = before
                    runs += candidate.count
                    return try await explorer.run(candidate, pinned: &scratch)?.requirement == failure.requirement
                }
                stepsRun += runs
                var scratch = before
                let final = try await explorer.run(shrunk, pinned: &scratch)
                let id = "explore-\(options.seed)-\(index)-\(failure.requirement.lowercased())"
                findings.append(
                    Finding(
                        requirement: failure.requirement, message: final?.message ?? failure.message,
                        sequence: index, originalSteps: failing.count, steps: shrunk.map(\.description),
                        caseYAML: ExploreCaseWriter.yaml(
                            id: id, title: "Found by explore: \(final?.message ?? failure.message)",
                            requirement: failure.requirement, steps: shrunk, model: explorer.model,
                            profile: explorer.profile,
                            comment: "Found by `conformance explore --seed \(options.seed)` (sequence \(index), shrunk "
                                + "from \(failing.count) to \(shrunk.count) steps). Review, rename and add it to the "
                                + "catalog.")))
            }
            progress(index + 1, options.sequences, findings.count)
        }
        return Result(
            seed: options.seed, sequences: options.sequences, stepsPerSequence: options.steps, stepsRun: stepsRun,
            durationMs: DurationText.milliseconds(ContinuousClock.now - start), findings: findings, readings: pinned)
    }
}
