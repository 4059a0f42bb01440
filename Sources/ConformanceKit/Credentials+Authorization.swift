import ConformanceCatalog

extension Credentials {
    /// What a request with these credentials sends: the account it names (for the curl line), its
    /// `Authorization` header (none without credentials or for a role the profile lacks), and whether the password
    /// is the wrong one the suite sends on purpose.
    package func authorization(in profile: TargetProfile) -> (
        account: TargetProfile.Account?, header: String?, wrong: Bool
    ) {
        switch self {
        case .role(let role):
            let account = Roles.account(role, in: profile)
            return (account, account.map { BasicAuth.header($0.username, $0.password) }, false)
        case .wrongPassword(let role):
            let account = Roles.account(role, in: profile)
            return (account, account.map { BasicAuth.header($0.username, BasicAuth.wrongPassword) }, true)
        case .none:
            return (nil, nil, false)
        }
    }
}
