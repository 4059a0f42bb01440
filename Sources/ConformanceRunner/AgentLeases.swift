import Bayeux
import ConformanceCatalog
import ConformanceKit

/// Which of the profile's agents the running cases hold. A case that needs N agents (its `agentsNeeded`) gets N
/// consecutive free agents, which become its `agent1`...`agentN`; no other case uses them until it ends.
///
/// Consecutive, because a target may route work to "the next agent" (a rejected invitation presented to
/// another agent, for one): within a case's block the next agent after its `agent1` is its own `agent2`.
/// A profile of A agents therefore runs up to A one-agent cases at once, and up to A/3 three-agent ones.
struct AgentLeases: Sendable {
    private var busy: [Bool]

    init(agents: Int) {
        busy = Array(repeating: false, count: agents)
    }

    /// How many agents there are in all.
    var capacity: Int { busy.count }

    /// Marks the first run of `count` consecutive free agents busy and returns their indexes; nil when there is
    /// none right now.
    mutating func lease(_ count: Int) -> [Int]? {
        let count = max(1, min(count, busy.count))
        var start = 0
        while start + count <= busy.count {
            if let taken = busy[start..<start + count].lastIndex(of: true) {
                start = taken + 1
                continue
            }
            for index in start..<start + count { busy[index] = true }
            return Array(start..<start + count)
        }
        return nil
    }

    /// Frees the agents of a lease.
    mutating func release(_ members: [Int]) {
        for index in members { busy[index] = false }
    }
}

/// What one case runs against: its leased agents as `agent1`..., their inboxes and session problems.
struct CaseView: Sendable {
    let members: [Int]
    private(set) var profile: TargetProfile
    let inboxes: [String: NotificationInbox]
    let problems: [String: String]

    /// The profile and notification sessions as the case sees them: agent `members[0]` of the profile is its
    /// `agent1`, and so on.
    init(members: [Int], of full: TargetProfile, inboxes: [String: NotificationInbox], problems: [String: String]) {
        var caseInboxes: [String: NotificationInbox] = [:]
        var caseProblems: [String: String] = [:]
        for (position, member) in members.enumerated() {
            let global = "agent\(member + 1)"
            let local = "agent\(position + 1)"
            caseInboxes[local] = inboxes[global]
            caseProblems[local] = problems[global]
        }
        var profile = full
        profile.agents = members.map { full.agents[$0] }
        self.members = members
        self.profile = profile
        self.inboxes = caseInboxes
        self.problems = caseProblems
    }

    /// The media type the case runs under, when the run covers several: the profile's first, so that the case's
    /// fixtures and barrier markers use it.
    var mediaType: String? {
        didSet {
            guard let mediaType else { return }
            profile.mediaTypes = [mediaType] + profile.mediaTypes.filter { $0 != mediaType }
        }
    }
}
