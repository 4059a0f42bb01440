/// Where an interaction is in its life.
enum InteractionStatus: String, Sendable, Hashable {
    case invited
    case active
    case queued
    case inWorkbin
    case completed

    /// The `state` an InteractionStateMessage shows for an interaction in this status; `invitation` is the server's
    /// name for the invited state.
    func messageState(invitation: InteractionState) -> InteractionState {
        switch self {
        case .invited: invitation
        case .active: .accepted
        case .queued: .queued
        case .inWorkbin: .inWorkbin
        case .completed: .completed
        }
    }
}
