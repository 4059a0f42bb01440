/// The roles a case may act as, mapped onto the profile: `agent1`...`agent3` are its agents in order.
public enum Roles {
    public static let all = ["agent1", "agent2", "agent3", "admin"]

    public static func isKnown(_ role: String) -> Bool { all.contains(role) }

    /// The profile account behind a role, if the profile has it.
    public static func account(_ role: String, in profile: TargetProfile) -> TargetProfile.Account? {
        if role == "admin" { return profile.admin }
        guard role.hasPrefix("agent"), let number = Int(role.dropFirst("agent".count)), number >= 1,
            number <= profile.agents.count
        else { return nil }
        return profile.agents[number - 1]
    }
}
