import ConformanceKit

extension CaseExecution {
    /// The shared marker barrier (``MarkerBarrier``) for `roles`, under the case's media type; each marker that
    /// arrived goes into the transcript.
    func barrier(for roles: [String]) async -> MarkerBarrier.Outcome {
        let names = Dictionary(uniqueKeysWithValues: roles.map { ($0, played($0)) })
        let outcome = await MarkerBarrier(profile: profile, client: client, health: health).pass(
            roles: roles, inboxes: inboxes, mediaType: profile.mediaTypes.first ?? "email",
            describe: { names[$0] ?? $0 })
        switch outcome {
        case .passed(let markers), .failed(_, let markers):
            for (marker, role) in zip(markers, roles) {
                ledger.transcript.append("barrier: marker interaction \(marker) reached \(role)")
            }
        case .unavailable: break
        }
        return outcome
    }
}
