/// Delta debugging: the shortest sub-sequence (order kept) that still fails, found by dropping chunks of steps,
/// halves first, then single steps, until no step can go; then each step replaced by simpler ones where that
/// still fails (a pair sent at once by the two requests one after the other, or by one of them), and dropping
/// again; then the whole sequence rewritten with simpler parameters where that still fails (fewer agents, the
/// default queue and workbin).
public enum Shrinker {
    public static func shrink<Step: Sendable, Failure: Error>(
        _ steps: [Step], simpler: (Step) -> [[Step]] = { _ in [] },
        rewrites: ([Step]) -> [[Step]] = { _ in [] },
        stillFails: ([Step]) async throws(Failure) -> Bool
    ) async throws(Failure) -> [Step] {
        var current = try await dropping(steps, stillFails: stillFails)
        var index = 0
        while index < current.count {
            var replaced = false
            for replacement in simpler(current[index]) {
                var candidate = current
                candidate.replaceSubrange(index...index, with: replacement)
                if try await stillFails(candidate) {
                    current = try await dropping(candidate, stillFails: stillFails)
                    replaced = true
                    break
                }
            }
            // After a replacement the steps have moved: look at them all again.
            index = replaced ? 0 : index + 1
        }
        // Simpler parameters, one rewrite at a time, each kept while the sequence still fails.
        var rewritten = true
        while rewritten {
            rewritten = false
            for candidate in rewrites(current) where try await stillFails(candidate) {
                current = candidate
                rewritten = true
                break
            }
        }
        return current
    }

    /// Drops chunks of steps, halves first, then single steps, as long as what is left still fails.
    static func dropping<Step: Sendable, Failure: Error>(
        _ steps: [Step], stillFails: ([Step]) async throws(Failure) -> Bool
    ) async throws(Failure) -> [Step] {
        var current = steps
        var chunk = max(1, current.count / 2)
        while true {
            var removedAny = false
            var start = 0
            while start < current.count {
                var candidate = current
                candidate.removeSubrange(start..<min(current.count, start + chunk))
                if !candidate.isEmpty, try await stillFails(candidate) {
                    current = candidate
                    removedAny = true
                } else {
                    start += chunk
                }
            }
            if chunk == 1 && !removedAny { return current }
            chunk = max(1, removedAny ? chunk : chunk / 2)
        }
    }
}
