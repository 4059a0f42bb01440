import ConformanceReport

extension MutationTest {
    /// Watches the cases of a switch run finish and tells when the switch is caught on every site (or, with no
    /// sites, anywhere): the rest of the run cannot change that, so the matrix stops such a run there.
    public final class CatchWatch: Sendable {
        private let expected: Set<String>
        private let level: RequirementLevel
        private let remaining: Locked<Set<String>?>

        /// `level`: the level the switch must be caught at (FAIL for a MUST switch, WARN for a SHOULD switch).
        public init(_ mutation: Switch, level: RequirementLevel) {
            expected = Set(mutation.expected)
            self.level = level
            remaining = Locked(mutation.sites.isEmpty ? nil : Set(mutation.sites))
        }

        /// Takes one finished case; true once the switch is caught everywhere it must be.
        public func caught(after result: CaseResult) -> Bool {
            let catches = result.deviations.contains { expected.contains($0.requirement) && $0.level == level }
            return remaining.withLock { sites in
                guard catches else { return sites?.isEmpty == true }
                guard var open = sites else { return true }
                open.remove(result.operation)
                sites = open
                return open.isEmpty
            }
        }
    }
}
