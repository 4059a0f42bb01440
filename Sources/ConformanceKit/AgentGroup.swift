import Bayeux

/// Three consecutive agents of the profile, leased together by one case: the case's `agent1`...`agent3`.
///
/// A profile with 3·k agents lets k cases run at once without seeing each other's notifications.
struct AgentGroup: Sendable {
    /// Indexes into the profile's agents.
    let members: [Int]

    /// The profile's agents in groups of three (a remainder joins no group).
    static func split(_ profile: TargetProfile) -> [AgentGroup] {
        stride(from: 0, to: profile.agents.count - 2, by: 3).map { AgentGroup(members: Array($0..<$0 + 3)) }
    }

    /// The profile and notification sessions as one case sees them: its group's agents as agent1...agent3.
    func view(of full: TargetProfile, inboxes: [String: NotificationInbox], problems: [String: String]) -> CaseView {
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
        return CaseView(group: self, profile: profile, inboxes: caseInboxes, problems: caseProblems)
    }
}

/// What one case runs against: the group's agents as its roles, their inboxes and session problems.
struct CaseView: Sendable {
    let group: AgentGroup
    let profile: TargetProfile
    let inboxes: [String: NotificationInbox]
    let problems: [String: String]
}

/// Hands out agent groups to cases; a case waits until a group is free.
actor GroupPool {
    private var free: [CaseView]
    private var waiting: [CheckedContinuation<CaseView, Never>] = []

    init(groups: [CaseView]) {
        free = groups
    }

    func lease() async -> CaseView {
        if !free.isEmpty { return free.removeFirst() }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func release(_ view: CaseView) {
        if waiting.isEmpty {
            free.append(view)
            free.sort { $0.group.members[0] < $1.group.members[0] }
        } else {
            waiting.removeFirst().resume(returning: view)
        }
    }
}
