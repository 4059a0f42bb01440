import ConformanceJSON

/// One case of the catalog: set-up, the exchanges under test, and what must (and must not) happen.
public struct ConformanceCase: Sendable, Identifiable {
    public var id: String
    /// The operation the case belongs to (the catalog file's `operation`).
    public var operation: String
    public var title: String
    /// Every requirement the case checks, in citation order.
    public var requirements: [String]
    /// Steps that establish the situation; when one fails the case stops.
    public var given: [Step]
    /// Steps under test; deviations are collected across all of them.
    public var steps: [Step]
    /// Where the case is written, for messages.
    public var file: String
    public var line: Int?
    /// How many of the profile's agents the case leases while it runs: the highest `agentN` it names, as a role
    /// or in a template such as `${agent3.id}` (at least 1). Its `agent1`...`agentN` are then N consecutive agents
    /// of the profile that no other running case holds.
    public var agentsNeeded = 1
    /// Whether the case leases every agent of the profile: it names a set such as `{allBut: agent1}` (see
    /// `AgentSets`), because the target may pick any agent there.
    public var wholeProfile = false
    /// SHA-256 of the case's definition: its YAML and the presets and goldens it names (see `CaseDigest`).
    public var digest: String?

    /// The profile roles (`agent1`, `admin`, ...) the case uses.
    public var roles: [String] {
        var seen: [String] = []
        for step in given + steps {
            for role in step.roles where !seen.contains(role) { seen.append(role) }
        }
        return seen
    }

    /// A static estimate of the exchanges the case makes, for scheduling: one per request and new interaction,
    /// one more per request with alternatives, and a barrier marker per agent an absence is
    /// checked for.
    public var expectedExchanges: Int {
        var count = 0
        var barriers = Set<String>()
        for step in given + steps {
            switch step {
            case .createInteraction: count += 1
            case .request(let request): count += 1 + (request.alternatives.isEmpty ? 0 : 1)
            case .notification: break
            case .noNotification(let expectation): barriers.formUnion(expectation.agents)
            }
        }
        return count + barriers.count
    }

    /// How many times the case must wait for the target's notifications, one after the other: once for each
    /// change (a new interaction, a request other than a GET) that a notification step then waits on, however
    /// many steps wait on that change; and once for the barrier that checks its absences, unless a wait on the
    /// last change could cover it (its markers can go out right after that change). Against a target whose
    /// notifications take a time L, no run of the case beats this count × L.
    public var expectedNotificationWaits: Int {
        var waits = 0
        var changed = false
        var lastChangeAwaited = true
        var absences = false
        for step in given + steps {
            switch step {
            case .createInteraction:
                changed = true
                lastChangeAwaited = false
            case .request(let request):
                if request.request.method != "GET" {
                    changed = true
                    lastChangeAwaited = false
                }
            case .notification:
                if changed {
                    waits += 1
                    lastChangeAwaited = true
                }
                changed = false
            case .noNotification: absences = true
            }
        }
        return waits + (absences && !lastChangeAwaited ? 1 : 0)
    }
}
