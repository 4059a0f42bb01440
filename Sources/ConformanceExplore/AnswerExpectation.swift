import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel

/// What the explorer expects of an answer, in the catalog's own terms: the `success` and `error` presets for an
/// operation done or refused, and the goldens of `GET /me/interactions` (the bare envelope where the interaction
/// need not be listed).
enum AnswerExpectation: Hashable, Sendable {
    case done(operation: String)
    case refused(operation: String)
    case listing(uris: Bool, listsInteraction: Bool)
    /// Without credentials, or with a wrong password.
    case unauthorized
    /// Refused whatever the body, a MUST by this requirement: the Contact Center Admin's operations and reads.
    case forbidden(String)
    /// The answer repeats none of the role's password or credentials (ERROR-NO-SECRETS).
    case keepsSecrets(of: String)
    /// An agent's `GET /interactions/{id}`: the details when they are owed (it works on the interaction), else
    /// anything but a server error.
    case details(owed: Bool)
    /// The admin's `GET /interactions/{id}` and `GET /me/interactions` served (admin-get=allowed).
    case adminDetails
    case adminOwnInteractions
    /// `GET /interactions` served, listing the interaction, not listing it, or (nil) either.
    case allInteractions(listing: Bool?)
    /// The Bayeux exchanges, as the catalog's `bayeux-handshake` and `bayeux-unknown-client` check them.
    case handshake
    case unknownClient

    static let all: [AnswerExpectation] =
        ModelOperation.everyName.flatMap { [done(operation: $0.name), refused(operation: $0.name)] }
        + [false, true].flatMap { uris in [false, true].map { listing(uris: uris, listsInteraction: $0) } }
        + [unauthorized, adminDetails, adminOwnInteractions, handshake, unknownClient, details(owed: true)]
        + [details(owed: false), allInteractions(listing: true), allInteractions(listing: false)]
        + [allInteractions(listing: nil)]
        + ["OPERATION-PERMISSIONS", "INTERACTION-PERMISSIONS", "ME-INTERACTIONS-PERMISSIONS"].map(forbidden)
        + ["agent1", "agent2", "agent3", "admin"].map(keepsSecrets)

    /// The operation `<OPERATION>` names in the presets.
    var operation: String {
        switch self {
        case .done(let operation), .refused(let operation): operation
        case .listing: "GetMeInteractions"
        case .unauthorized, .forbidden, .keepsSecrets: "Accept"
        case .details, .adminDetails: "Interaction"
        case .adminOwnInteractions: "GetMeInteractions"
        case .allInteractions: "GetInteractions"
        case .handshake, .unknownClient: "Bayeux"
        }
    }

    /// The `expect:` in the catalog's own terms, as a case would write it.
    var expect: YAMLValue {
        switch self {
        // An operation the document does not define has no body of its own: refused is all that is asked.
        case .done(ModelOperation.unknown.name): []
        case .refused(ModelOperation.unknown.name): "refusal"
        case .done: "success"
        case .refused: "error"
        case .unauthorized: "unauthorized"
        case .forbidden(let requirement): ["forbidden": .text(requirement)]
        case .keepsSecrets(let role): [["excludesSecretsOf": .text(role), "requirement": "ERROR-NO-SECRETS"]]
        case .details(owed: true):
            [
                ["status": 200, "requirement": "INTERACTION-GET"],
                ["body": ["$anywhere": ["id": "${ix.id}"]], "requirement": "INTERACTION-GET"],
            ]
        case .details(owed: false): [["status": "!5xx", "requirement": "ERROR-NOT-5XX"]]
        case .adminDetails:
            [
                ["status": 200, "requirement": "INTERACTION-GET"],
                ["body": ["$anywhere": "${ix.id}"], "requirement": "INTERACTION-GET"],
            ]
        case .adminOwnInteractions:
            [
                ["status": 200, "requirement": "ME-INTERACTIONS-URIS"],
                ["body": ["statusCode": 0, "uris": "$array"], "requirement": "ME-INTERACTIONS-URIS"],
            ]
        case .allInteractions(let listing):
            .sequence(
                [
                    ["status": 200, "requirement": "INTERACTIONS-GET-PERMISSIONS"],
                    ["refused": false, "requirement": "INTERACTIONS-GET-PERMISSIONS"],
                ]
                    + (listing.map { listed -> [YAMLValue] in
                        let mention: YAMLValue = [
                            "$anywhere": ["$oneOf": ["${ix.id}", "$regex:.*/interactions/${ix.id}"]]
                        ]
                        return [["body": listed ? mention : ["$not": mention], "requirement": "INTERACTIONS-GET"]]
                    } ?? []))
        case .handshake:
            [
                ["status": 200, "requirement": "BAYEUX-HANDSHAKE"],
                [
                    "body": ["$contains": [["channel": "/meta/handshake", "successful": true, "clientId": "$string"]]],
                    "requirement": "BAYEUX-HANDSHAKE",
                ],
            ]
        case .unknownClient:
            [
                [
                    "body": ["$contains": [["channel": "/meta/connect", "successful": false]]],
                    "requirement": "BAYEUX-UNKNOWN-CLIENT",
                ],
                [
                    "body": ["$contains": [["channel": "/meta/connect", "advice": ["reconnect": "handshake"]]]],
                    "requirement": "BAYEUX-UNKNOWN-CLIENT-ADVICE",
                ],
            ]
        case .listing(let uris, let listsInteraction):
            Self.listing(
                member: uris ? "uris" : "interactions",
                requirement: uris ? "ME-INTERACTIONS-URIS" : "ME-INTERACTIONS-FIELDS",
                golden: listsInteraction
                    ? "GetMeInteractions/\(uris ? "uris" : "fields")-after-accept.json" : nil)
        }
    }

    /// A listing's checks: its status, then its golden when the interaction is listed, else the bare envelope.
    private static func listing(member: String, requirement: String, golden: String?) -> YAMLValue {
        let body: YAMLValue =
            golden.map { ["golden": .text($0), "requirement": .text(requirement)] }
            ?? [
                "body": .mapping([("statusCode", YAMLValue(integerLiteral: 0)), (member, .text("$array"))]),
                "requirement": .text(requirement),
            ]
        return [["status": 200, "requirement": .text(requirement)], body]
    }
}

/// What each probe sends and what its answer is judged by: one description for the explorer that sends it and the
/// case written from a finding.
extension ExploreProbe {
    /// The path (with `${ix.id}`), or `${notificationsURL}` for the Bayeux exchanges.
    var pathTemplate: String {
        switch self {
        case .details: "/interactions/${ix.id}"
        case .allInteractions: "/interactions"
        case .ownInteractions: "/me/interactions"
        case .handshake, .unknownClient: "${notificationsURL}"
        }
    }

    /// The Bayeux messages it posts; nil for a GET.
    var body: JSONValue? {
        switch self {
        case .handshake:
            [
                [
                    "channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["long-polling"],
                    "id": "1",
                ]
            ]
        case .unknownClient:
            [["channel": "/meta/connect", "clientId": "NoSuchClient0001", "connectionType": "long-polling", "id": "2"]]
        case .details, .allInteractions, .ownInteractions: nil
        }
    }

    /// The answers allowed, the first the catalog's own and the others its `admin-get=allowed` alternative; `shown`:
    /// whether the answer must show the interaction (nil: either).
    func expectations(by agent: String, shown: Bool?) -> [AnswerExpectation] {
        let admin = agent == ExploreProbe.admin
        switch self {
        case .details where admin: return [.forbidden("INTERACTION-PERMISSIONS"), .adminDetails]
        case .details: return [.details(owed: shown == true)]
        case .allInteractions: return [.allInteractions(listing: shown)]
        case .ownInteractions: return [.forbidden("ME-INTERACTIONS-PERMISSIONS"), .adminOwnInteractions]
        case .handshake: return [.handshake]
        case .unknownClient: return [.unknownClient]
        }
    }
}
