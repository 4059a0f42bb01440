import ConformanceModel

/// What the explorer expects of an answer, in the catalog's own YAML: the `success` and `error` presets for an
/// operation done or refused, and the goldens of `GET /me/interactions` (the bare envelope where the interaction
/// need not be listed).
enum AnswerExpectation: Hashable, Sendable {
    case done(operation: String)
    case refused(operation: String)
    case listing(uris: Bool, listsInteraction: Bool)
    /// Without credentials, or with a wrong password.
    case unauthorized

    static let all: [AnswerExpectation] =
        ModelOperation.everyName.flatMap { [done(operation: $0.name), refused(operation: $0.name)] }
        + [false, true].flatMap { uris in [false, true].map { listing(uris: uris, listsInteraction: $0) } }
        + [unauthorized]

    /// The operation `${OPERATION}` names in the presets.
    var operation: String {
        switch self {
        case .done(let operation), .refused(let operation): operation
        case .listing: "GetMeInteractions"
        case .unauthorized: "Accept"
        }
    }

    var yaml: String {
        switch self {
        // An operation the document does not define has no body of its own: refused is all that is asked.
        case .done(ModelOperation.unknown.name): "[]"
        case .refused(ModelOperation.unknown.name): "refusal"
        case .done: "success"
        case .refused: "error"
        case .unauthorized: "unauthorized"
        case .listing(let uris, let listsInteraction):
            uris
                ? "[{status: 200, requirement: ME-INTERACTIONS-URIS}, "
                    + (listsInteraction
                        ? "{golden: GetMeInteractions/uris-after-accept.json, requirement: ME-INTERACTIONS-URIS}]"
                        : "{body: {statusCode: 0, uris: $array}, requirement: ME-INTERACTIONS-URIS}]")
                : "[{status: 200, requirement: ME-INTERACTIONS-FIELDS}, "
                    + (listsInteraction
                        ? "{golden: GetMeInteractions/fields-after-accept.json, requirement: ME-INTERACTIONS-FIELDS}]"
                        : "{body: {statusCode: 0, interactions: $array}, requirement: ME-INTERACTIONS-FIELDS}]")
        }
    }
}
