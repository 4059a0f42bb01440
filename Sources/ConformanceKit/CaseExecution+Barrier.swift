import ConformanceCatalog
import ConformanceJSON
import ConformanceReport

extension CaseExecution {
    /// What a barrier gave.
    enum BarrierOutcome {
        /// Every marker arrived: the marker interaction ids.
        case passed([String])
        /// The target has no way to give one (no HTTP fixtures): the quiet period must do.
        case unavailable(String)
        /// A marker could not be created or did not arrive in time.
        case failed(String)
    }

    /// A barrier instead of a fixed wait: a marker interaction is routed to each watched agent through the
    /// fixtures; a target delivers an agent's notifications in order, so once the marker's invitation arrives,
    /// everything the case provoked earlier has arrived too.
    func barrier(for roles: [String]) async -> BarrierOutcome {
        guard case .http = profile.fixtures else {
            return .unavailable("the profile's fixtures cannot route a marker interaction")
        }
        let fixtures = FixtureDriver(fixtures: profile.fixtures, client: client)
        var accounts: [String] = []
        for role in roles {
            guard let account = Roles.account(role, in: profile) else { return .failed("no account for \(role)") }
            accounts.append(account.id)
        }
        // The markers are created all at once: each costs a fixture round trip, and they do not depend on
        // each other.
        let mediaType = profile.mediaTypes.first ?? "email"
        let created = await withTaskGroup(of: (Int, Result<String, FixtureDriver.Failure>).self) { group in
            for (index, agentId) in accounts.enumerated() {
                group.addTask {
                    do throws(FixtureDriver.Failure) {
                        let marker = try await fixtures.createInteraction(
                            mediaType: mediaType, agentId: agentId, properties: .object(JSONObject()))
                        return (index, .success(marker))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var created = [Result<String, FixtureDriver.Failure>?](repeating: nil, count: accounts.count)
            for await (index, outcome) in group { created[index] = outcome }
            return created.compactMap { $0 }
        }
        var markers: [String] = []
        for (role, outcome) in zip(roles, created) {
            let marker: String
            switch outcome {
            case .success(let id): marker = id
            case .failure(let error):
                return .failed(
                    "the barrier's marker interaction for \(played(role)) could not be created: \(error)")
            }
            markers.append(marker)
            let budget = await health.budget(normal: timeouts.notification, short: timeouts.quietPeriod)
            guard
                await firstMatch(.anywhere(.literal(.string(marker))), among: [role], until: clock.now + budget) != nil
            else {
                await health.recordTimeout()
                return .failed(
                    "the barrier's marker interaction \(marker) did not reach \(played(role)) within "
                        + "\(DurationText.milliseconds(budget)) ms")
            }
            ledger.transcript.append("barrier: marker interaction \(marker) reached \(role)")
        }
        return .passed(markers)
    }
}
