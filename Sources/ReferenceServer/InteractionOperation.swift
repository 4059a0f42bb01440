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
        guard let known = knownName(name, configuration: configuration) else {
            return nil
        }
        let parameters = OperationParameters(object: object, configuration: configuration)
        switch known {
        case "Accept": return .accept
        case "Reject": return .reject
        case "StopProcessing": return .stopProcessing
        case "PlaceInQueue": return .placeInQueue(queue: try parameters.queue())
        case "UpdateProperties": return .updateProperties(try parameters.object("properties"))
        case "PlaceInWorkbin": return .placeInWorkbin(try parameters.workbins())
        case "GetWorkbinContent": return .getWorkbinContent(workbin: try parameters.workbin())
        case "Transfer": return .transfer(targetId: try parameters.agent("targetId"))
        case "StartConference": return .startConference(agentId: try parameters.agent("agentId"))
        default: return .endConference(agentId: try parameters.agent("agentId"))
        }
    }

    /// The operation names this server knows, as the document spells them.
    static func names(configuration: ReferenceServerConfiguration) -> [String] {
        var names = [
            "Accept", "Reject", "StopProcessing", "PlaceInQueue", "UpdateProperties", "PlaceInWorkbin",
            "GetWorkbinContent", "Transfer", "StartConference",
        ]
        if !configuration.deviations.contains(.leaveConferenceOnly) {
            names.append("EndConference")
        }
        if configuration.deviations.contains(.leaveConferenceOnly)
            || configuration.readings.follows(.leaveConferenceAlias, "accepted")
        {
            names.append("LeaveConference")
        }
        return names
    }

    /// The known name `name` stands for: itself, or under `operation-name-case=insensitive` the one it spells in
    /// another letter case.
    private static func knownName(_ name: String, configuration: ReferenceServerConfiguration) -> String? {
        let names = names(configuration: configuration)
        guard configuration.readings.follows(.operationNameCase, "insensitive") else {
            return names.contains(name) ? name : nil
        }
        let lowercased = name.lowercased()
        return names.first { $0.lowercased() == lowercased }
    }
}
