/// A request that changes nothing on the interaction and that the model judges whatever state it is in: a read of
/// the interaction or of every interaction, the Contact Center Admin's reads of the agents' resources, and the
/// Bayeux exchanges an agent's notifications start with.
public enum ExploreProbe: String, Hashable, Sendable, CaseIterable {
    /// `GET /interactions/{id}`: the details, for an agent that works on it (INTERACTION-GET); the admin is refused
    /// or served (admin-get).
    case details = "GET /interactions/{id}"
    /// `GET /interactions`: served to an agent or the admin, listing the interaction while an agent works on it and
    /// not once it is completed (INTERACTIONS-GET).
    case allInteractions = "GET /interactions"
    /// The admin's `GET /me/interactions` (an agent's is a listing step): refused or served (admin-get).
    case ownInteractions = "GET /me/interactions"
    /// A `/meta/handshake` of its own: successful, with a `clientId` (BAYEUX-HANDSHAKE).
    case handshake = "Bayeux /meta/handshake"
    /// A `/meta/connect` with a `clientId` no handshake gave: unsuccessful (BAYEUX-UNKNOWN-CLIENT).
    case unknownClient = "Bayeux /meta/connect with an unknown clientId"

    /// The probes an agent sends; the admin sends the reads only.
    public static let byAgent: [ExploreProbe] = [.details, .allInteractions, .handshake, .unknownClient]
    public static let byAdmin: [ExploreProbe] = [.details, .allInteractions, .ownInteractions]

    /// The catalog's operation file for cases of this probe.
    public var operationFile: String {
        switch self {
        case .details: "Interaction"
        case .allInteractions: "GetInteractions"
        case .ownInteractions: "GetMeInteractions"
        case .handshake, .unknownClient: "Bayeux"
        }
    }

    /// The role the Contact Center Admin's requests are sent as.
    public static let admin = "admin"
}
