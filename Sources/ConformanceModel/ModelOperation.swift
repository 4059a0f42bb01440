/// What an agent asks of one interaction, in the words of the document: the ten operations of
/// `POST /me/interactions/{id}` with their parameters, well-formed or not.
public enum ModelOperation: Hashable, Sendable, CustomStringConvertible {
    case accept
    case reject
    case stopProcessing
    /// `queue` nil: the parameter is missing.
    case placeInQueue(queue: String?)
    case updateProperties
    /// `workbin` nil: the parameter is missing.
    case placeInWorkbin(workbin: String?)
    case getWorkbinContent(workbin: String?)
    /// `target` nil: `targetId` is missing; a name that is no agent of the profile is an unknown agent.
    case transfer(target: String?)
    case startConference(agent: String?)
    /// `agent`: the `agentId` sent, which the suite always sets to the agent that leaves.
    case endConference(agent: String?)
    /// An `operationName` the document does not define.
    case unknown

    /// One operation of each name, parameters missing.
    public static let everyName: [ModelOperation] = [
        .accept, .reject, .stopProcessing, .placeInQueue(queue: nil), .updateProperties, .placeInWorkbin(workbin: nil),
        .getWorkbinContent(workbin: nil), .transfer(target: nil), .startConference(agent: nil),
        .endConference(agent: nil), .unknown,
    ]

    /// Transfer or StartConference: the operations that hand an interaction to another agent.
    public var handsOver: Bool {
        switch self {
        case .transfer, .startConference: true
        default: false
        }
    }

    /// The agent Transfer or StartConference hands the interaction to, when the request names one.
    public var handedTo: String? {
        switch self {
        case .transfer(let target): target
        case .startConference(let agent): agent
        default: nil
        }
    }

    /// The `operationName` of the request.
    public var name: String {
        switch self {
        case .accept: "Accept"
        case .reject: "Reject"
        case .stopProcessing: "StopProcessing"
        case .placeInQueue: "PlaceInQueue"
        case .updateProperties: "UpdateProperties"
        case .placeInWorkbin: "PlaceInWorkbin"
        case .getWorkbinContent: "GetWorkbinContent"
        case .transfer: "Transfer"
        case .startConference: "StartConference"
        case .endConference: "EndConference"
        case .unknown: "ExploreNoSuchOperation"
        }
    }

    public var description: String {
        switch self {
        case .placeInQueue(let queue): "PlaceInQueue(queue: \(queue ?? "missing"))"
        case .placeInWorkbin(let workbin): "PlaceInWorkbin(workbin: \(workbin ?? "missing"))"
        case .getWorkbinContent(let workbin): "GetWorkbinContent(workbin: \(workbin ?? "missing"))"
        case .transfer(let target): "Transfer(targetId: \(target ?? "missing"))"
        case .startConference(let agent): "StartConference(agentId: \(agent ?? "missing"))"
        case .endConference(let agent): "EndConference(agentId: \(agent ?? "missing"))"
        default: name
        }
    }
}

/// What the target answered, as the model judges it: the operation was done, or refused.
public enum ModelOutcome: String, Hashable, Sendable, CaseIterable {
    case success
    case refusal
}
