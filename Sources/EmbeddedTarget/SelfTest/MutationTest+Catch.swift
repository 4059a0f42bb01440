import ConformanceKit
import ConformanceReport
import ConformanceRunner

extension MutationTest {
    /// Watches the cases of a switch run finish and tells when the switch is caught on every site (or, with no
    /// sites, anywhere): the rest of the run cannot change that, so the matrix stops such a run there.
    public final class CatchWatch: Sendable {
        private let mutation: Switch
        private let level: RequirementLevel
        private let remaining: Locked<Set<String>?>

        /// `levels`: the levels of the requirements the switch breaks (see `Switch.catchLevel`).
        public init(_ mutation: Switch, levels: [RequirementLevel]) {
            self.mutation = mutation
            level = Switch.catchLevel(levels)
            remaining = Locked(mutation.sites.isEmpty ? nil : Set(mutation.sites))
        }

        /// Takes one finished case; true once the switch is caught everywhere it must be.
        public func caught(after result: CaseResult) -> Bool {
            let catches = mutation.isCaught(by: result, at: level)
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
