/// Delta debugging: the shortest sub-sequence (order kept) that still fails, found by dropping chunks of steps,
/// halves first, then single steps, until no step can go.
public enum Shrinker {
    public static func shrink<Step: Sendable, Failure: Error>(
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
