/// Who sent an authenticated request.
enum Caller: Sendable, Hashable {
    case agent(id: String)
    case admin(id: String)

    var accountId: String {
        switch self {
        case .agent(let id), .admin(let id): id
        }
    }

    /// The agent id; throws 403 for the Contact Center Admin, since the document grants the route to agents only.
    func requireAgent() throws(APIFailure) -> String {
        guard case .agent(let id) = self else {
            throw .forbidden("This operation is for agents only")
        }
        return id
    }
}
