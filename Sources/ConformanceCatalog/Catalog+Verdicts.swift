import ConformanceReport

extension Catalog {
    /// The verdict of an answer that a check's reading accepts, rather than the check itself: WARN when the
    /// reading's alternative breaks a SHOULD (`level: SHOULD` in readings.yaml), else NOTE. `run`'s judge and
    /// `explain` both ask this, so the two cannot disagree.
    public func verdictFollowing(_ observation: Observation?) -> Verdict {
        guard let observation,
            reading(observation.reading)?.alternative(observation.alternative)?.level == .should
        else { return .note }
        return .warn
    }
}
