import ConformanceJSON
import Foundation
import ReferenceServer

/// Generated requests for the reference server: operation bodies for `POST /me/interactions/{id}` and Bayeux
/// batches for `/notifications`, mostly almost right, sometimes not JSON at all.
struct RandomRequest: Sendable {
    static let operations = [
        "Accept", "Reject", "StopProcessing", "PlaceInQueue", "UpdateProperties", "PlaceInWorkbin",
        "GetWorkbinContent", "Transfer", "StartConference", "EndConference",
    ]
    static let junkOperations = ["LeaveConference", "", "accept", "Complete", "Re-direct", "Accept ", "🙃", "__proto__"]
    static let parameters = ["queue", "workbin", "targetId", "agentId", "properties", "operationName", "details", ""]
    static let channels = [
        "/meta/handshake", "/meta/subscribe", "/meta/unsubscribe", "/meta/disconnect", "/meta/connect",
        "/meta/unknown", "/meta/", "/meta", "/v2/me/interactions", "/v2/me/interactions/", "/service/echo", "/", "",
        "/**",
    ]

    let configuration: ReferenceServerConfiguration
    /// The interactions the fixtures created.
    let interactionIds: [String]

    /// A known value a parameter accepts, or something like it.
    func plausibleValue(using rng: inout some RandomNumberGenerator) -> JSONValue {
        let agents = configuration.agents.map(\.id) + [configuration.admin.id]
        let strings = configuration.queues + configuration.workbins + agents + ["queue-z", "agent-9", ""]
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return .array(configuration.workbins.map(JSONValue.string))
        case 1:
            return .object(JSONObject([JSONObject.Member(key: "k", value: RandomJSON.value(depth: 2, using: &rng))]))
        default: return .string(RandomJSON.element(strings, using: &rng))
        }
    }

    /// Arrays and objects nested up to 50 levels around a random leaf.
    static func deep(using rng: inout some RandomNumberGenerator) -> JSONValue {
        var value = RandomJSON.value(depth: 1, using: &rng)
        for _ in 0..<Int.random(in: 1...50, using: &rng) {
            value = RandomJSON.chance(50, using: &rng) ? .array([value]) : ["v": value]
        }
        return value
    }

    /// Random bytes, a broken document, or invalid UTF-8.
    static func notJSON(using rng: inout some RandomNumberGenerator) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return RandomJSON.bytes(maxLength: 64, using: &rng)
        case 1: return RandomJSON.mutate(Array(#"{"operationName":"Accept"}"#.utf8), using: &rng)
        case 2: return Array(#"{"operationName":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        default: return []
        }
    }

    /// A well-formed operation with parameters the server knows, and sometimes an extra member.
    func wellFormedOperation(using rng: inout some RandomNumberGenerator) -> JSONObject {
        let name = RandomJSON.element(Self.operations, using: &rng)
        var object = JSONObject([JSONObject.Member(key: "operationName", value: .string(name))])
        let agent = JSONValue.string(RandomJSON.element(configuration.agents, using: &rng).id)
        switch name {
        case "PlaceInQueue": object["queue"] = .string(RandomJSON.element(configuration.queues, using: &rng))
        case "PlaceInWorkbin", "GetWorkbinContent":
            let workbin = JSONValue.string(RandomJSON.element(configuration.workbins, using: &rng))
            object["workbin"] = name == "PlaceInWorkbin" && RandomJSON.chance(50, using: &rng) ? [workbin] : workbin
        case "UpdateProperties":
            let value =
                RandomJSON.chance(80, using: &rng) ? RandomJSON.value(depth: 3, using: &rng) : Self.deep(using: &rng)
            object["properties"] = ["key": value]
        case "Transfer": object["targetId"] = agent
        case "StartConference", "EndConference": object["agentId"] = agent
        default: break
        }
        if RandomJSON.chance(20, using: &rng) { object[RandomJSON.string(using: &rng)] = Self.deep(using: &rng) }
        return object
    }

    /// A body for `POST /me/interactions/{id}`.
    func operationBody(using rng: inout some RandomNumberGenerator) -> [UInt8] {
        if RandomJSON.chance(10, using: &rng) { return Self.notJSON(using: &rng) }
        if RandomJSON.chance(35, using: &rng) {
            return Array(JSONValue.object(wellFormedOperation(using: &rng)).compactText.utf8)
        }
        if RandomJSON.chance(5, using: &rng) {
            return Array(RandomJSON.value(depth: 0, using: &rng).compactText.utf8)
        }
        var object = JSONObject()
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<70: object["operationName"] = .string(RandomJSON.element(Self.operations, using: &rng))
        case 70..<85: object["operationName"] = .string(RandomJSON.element(Self.junkOperations, using: &rng))
        case 85..<95: object["operationName"] = RandomJSON.value(depth: 2, using: &rng)
        default: break
        }
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let name =
                RandomJSON.chance(80, using: &rng)
                ? RandomJSON.element(Self.parameters, using: &rng) : RandomJSON.string(using: &rng)
            let value: JSONValue =
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<4: plausibleValue(using: &rng)
                case 4..<8: RandomJSON.value(depth: 3, using: &rng)
                default: Self.deep(using: &rng)
                }
            object[name] = value
        }
        return Array(JSONValue.object(object).compactText.utf8)
    }

    /// A path under `/me/interactions/`: the real interaction, or an id that does not exist.
    func operationPath(using rng: inout some RandomNumberGenerator) -> String {
        let junk = ["NoSuchInteraction", "0", "%20", "%FF", "a%2Fb", "..", "x~y"]
        let id =
            RandomJSON.chance(70, using: &rng)
            ? RandomJSON.element(interactionIds, using: &rng) : RandomJSON.element(junk, using: &rng)
        return "/me/interactions/" + id
    }

    /// Credentials: mostly the first agent's, sometimes another account's, a wrong one, or none.
    func authorization(using rng: inout some RandomNumberGenerator) -> [(String, String)] {
        let first = configuration.agents[0]
        let second = configuration.agents[1]
        let admin = configuration.admin
        switch Int.random(in: 0..<20, using: &rng) {
        case 0..<14: return Self.basic(first.username, first.password)
        case 14: return Self.basic(second.username, second.password)
        case 15: return Self.basic(admin.username, admin.password)
        case 16: return Self.basic(first.username, "not-the-password")
        case 17: return [("Authorization", "Basic !!!")]
        case 18: return [("Authorization", "Bearer token")]
        default: return []
        }
    }

    /// HTTP Basic credentials as a header.
    static func basic(_ username: String, _ password: String) -> [(String, String)] {
        [("Authorization", "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())]
    }

    /// A `Content-Type` as clients send it, or none.
    static func contentType(using rng: inout some RandomNumberGenerator) -> [(String, String)] {
        let types = [
            "application/json", "application/json;charset=UTF-8", "text/plain", "application/x-www-form-urlencoded",
        ]
        return RandomJSON.chance(85, using: &rng) ? [("Content-Type", RandomJSON.element(types, using: &rng))] : []
    }

    func operation(using rng: inout some RandomNumberGenerator) -> FuzzRequest {
        FuzzRequest(
            path: operationPath(using: &rng),
            headers: authorization(using: &rng) + Self.contentType(using: &rng),
            body: operationBody(using: &rng)
        )
    }

    /// One Bayeux message: a random channel and a random or missing `clientId`, never a valid one, so no
    /// `/meta/connect` is held for the long-poll timeout.
    static func bayeuxMessage(using rng: inout some RandomNumberGenerator) -> JSONValue {
        guard RandomJSON.chance(90, using: &rng) else { return RandomJSON.value(depth: 2, using: &rng) }
        var message = JSONObject()
        if RandomJSON.chance(90, using: &rng) {
            message["channel"] =
                RandomJSON.chance(85, using: &rng)
                ? .string(RandomJSON.element(channels, using: &rng)) : RandomJSON.value(depth: 1, using: &rng)
        }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<3: break
        case 3..<8: message["clientId"] = .string(RandomJSON.string(using: &rng) + "-unknown")
        default: message["clientId"] = RandomJSON.value(depth: 1, using: &rng)
        }
        if RandomJSON.chance(50, using: &rng) { message["id"] = RandomJSON.value(depth: 1, using: &rng) }
        if RandomJSON.chance(40, using: &rng) {
            let subscriptions: [JSONValue] = [
                "/v2/me/interactions", "/v2/me/agent", "/**", ["/v2/me/interactions", 1], [], 7,
            ]
            message["subscription"] = RandomJSON.element(subscriptions, using: &rng)
        }
        for key in ["version", "supportedConnectionTypes", "advice", "ext", "data", "connectionType"]
        where RandomJSON.chance(15, using: &rng) {
            message[key] =
                RandomJSON.chance(80, using: &rng) ? RandomJSON.value(depth: 3, using: &rng) : deep(using: &rng)
        }
        return .object(message)
    }

    /// A batch for `/notifications`: usually an array of messages, sometimes one message, a non-array or junk.
    func bayeuxBatch(using rng: inout some RandomNumberGenerator) -> FuzzRequest {
        let body: [UInt8]
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: body = Self.notJSON(using: &rng)
        case 1: body = Array(RandomJSON.value(depth: 0, using: &rng).compactText.utf8)
        case 2: body = Array(Self.bayeuxMessage(using: &rng).compactText.utf8)
        default:
            let messages = (0..<Int.random(in: 0...5, using: &rng)).map { _ in Self.bayeuxMessage(using: &rng) }
            body = Array(JSONValue.array(messages).compactText.utf8)
        }
        let suffixes = ["", "", "", "", "/handshake", "/connect", "/subscribe", "/nonsense"]
        return FuzzRequest(
            path: "/notifications" + RandomJSON.element(suffixes, using: &rng),
            headers: authorization(using: &rng) + Self.contentType(using: &rng),
            body: body
        )
    }
}
