/// Which endpoint of the hostile target misbehaves; the other one works.
enum HostileScope: String, Sendable {
    /// `/api/v2/...` misbehaves; Bayeux works (except in `holdLongPoll`).
    case rest
    /// `/api/v2/notifications` misbehaves; the REST answers are correct.
    case notifications
    /// Everything misbehaves, the fixtures included: a target that is hung or broken as a whole.
    case everything
}
