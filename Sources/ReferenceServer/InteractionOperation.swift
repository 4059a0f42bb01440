/// One of the ten operations of `POST /me/interactions/{id}`, with its checked parameters.
enum InteractionOperation: Sendable, Hashable {
    case accept
    case reject
    case stopProcessing
    case placeInQueue(queue: String)
    case updateProperties(JSONObject)
    case placeInWorkbin([String])
    case getWorkbinContent(workbin: String)
    case transfer(targetId: String)
    case startConference(agentId: String)
    case endConference(agentId: String)

    /// The operation a request body asks for; `nil` when its `operationName` is not one this server knows.
    ///
    /// Throws a 400 failure for a body that is not an object, a missing or non-string `operationName`, and a
    /// missing, wrongly typed or unknown-valued parameter.
    static func parse(
        _ body: JSONValue,
        configuration: ReferenceServerConfiguration
    ) throws(APIFailure) -> InteractionOperation? {
        guard let object = body.objectValue else {
            throw .badRequest("The request body must be a JSON object")
        }
        guard let nameValue = object["operationName"] else {
            throw .badRequest("Parameter 'operationName' is missing")
        }
        guard let name = nameValue.stringValue else {
            throw .badRequest("Parameter 'operationName' must be a string")
        }
        let parameters = OperationParameters(object: object, configuration: configuration)
        let endConferenceName =
            configuration.deviations.contains(.leaveConferenceOnly) ? "LeaveConference" : "EndConference"
        switch name {
        case "Accept": return .accept
        case "Reject": return .reject
        case "StopProcessing": return .stopProcessing
        case "PlaceInQueue": return .placeInQueue(queue: try parameters.queue())
        case "UpdateProperties": return .updateProperties(try parameters.object("properties"))
        case "PlaceInWorkbin": return .placeInWorkbin(try parameters.workbins())
        case "GetWorkbinContent": return .getWorkbinContent(workbin: try parameters.workbin())
        case "Transfer": return .transfer(targetId: try parameters.agent("targetId"))
        case "StartConference": return .startConference(agentId: try parameters.agent("agentId"))
        case endConferenceName: return .endConference(agentId: try parameters.agent("agentId"))
        default: return nil
        }
    }
}
