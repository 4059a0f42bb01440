import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceModel

/// The request body of a model operation, as the catalog writes it: role names become the profile's agent ids.
enum ExploreRequest {
    static func body(_ operation: ModelOperation, profile: TargetProfile) -> JSONValue {
        var object = JSONObject()
        object["operationName"] = .string(operation.name)
        func agentId(_ role: String?) -> JSONValue? {
            guard let role else { return nil }
            return .string(Roles.account(role, in: profile)?.id ?? role)
        }
        switch operation {
        case .placeInQueue(let queue): object["queue"] = queue.map(JSONValue.string)
        case .updateProperties: object["properties"] = ["explored": "yes"]
        case .placeInWorkbin(let workbin), .getWorkbinContent(let workbin):
            object["workbin"] = workbin.map(JSONValue.string)
        case .transfer(let target): object["targetId"] = agentId(target)
        case .startConference(let agent), .endConference(let agent): object["agentId"] = agentId(agent)
        case .accept, .reject, .stopProcessing, .unknown: break
        }
        return .object(object)
    }

    /// PlaceInWorkbin with its workbin as a one-element list, the other form the document's name allows.
    static func listFormBody(_ operation: ModelOperation, profile: TargetProfile) -> JSONValue? {
        guard case .placeInWorkbin(let workbin?) = operation, var object = body(operation, profile: profile).objectValue
        else { return nil }
        object["workbin"] = [.string(workbin)]
        return .object(object)
    }
}
