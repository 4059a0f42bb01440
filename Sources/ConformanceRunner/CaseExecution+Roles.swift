import ConformanceCatalog
import ConformanceKit

extension CaseExecution {
    /// A role as a reason names it: the case's role and the profile agent leased to play it, `agent1 (profile
    /// agent-2, user ag.two)`, since the role alone would blame the wrong account.
    func played(_ role: String) -> String {
        guard let account = Roles.account(role, in: profile), account.username != role else { return role }
        return "\(role) (profile \(account.id), user \(account.username))"
    }
}
