/// An account of the reference server.
public struct Account: Sendable, Hashable {
    /// The identifier operations use (`targetId`, `agentId`, fixture `agentId`), e.g. `agent-1`.
    public var id: String
    /// The HTTP Basic user name.
    public var username: String
    /// The HTTP Basic password.
    public var password: String

    public init(id: String, username: String, password: String) {
        self.id = id
        self.username = username
        self.password = password
    }
}
