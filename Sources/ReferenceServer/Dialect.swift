import Foundation

/// How the server phrases what the document leaves open.
///
/// `reference` follows the document's samples literally. `variant` differs wherever the document allows, so that
/// the suite can be shown not to fail a server only because it made other choices: other interaction ids,
/// reversed member order, extra members, empty 200s for operations, agent-state messages on another channel,
/// another order across agents, and notifications a little after the HTTP answer.
enum Dialect: Sendable, Hashable {
    case reference
    case variant

    /// The channel of the variant's agent-state messages, pushed to sessions that subscribed only to
    /// `/v2/me/interactions` (a Bayeux server may deliver other channels' messages in the same connect reply).
    static let agentChannel = "/v2/me/agent"

    /// The shortest and longest time the variant delivers notifications after the HTTP answer.
    static let notificationDelays: ClosedRange<Int> = 20...80

    /// A new interaction id, unique by `serial`.
    func interactionId(serial: Int) -> String {
        switch self {
        case .reference: RandomIdentifier.interaction(serial: serial)
        case .variant: RandomIdentifier.variantInteraction(serial: serial)
        }
    }

    /// The body of a successful `POST /me/interactions/{id}`: the sample's `{"status":...}`, or `nil` for the
    /// "empty http-200 response" of the text.
    func operationSuccess(status: String) -> JSONObject? {
        switch self {
        case .reference: ["status": .string(status)]
        case .variant: nil
        }
    }

    /// A `{"status":...}` body (ok or error); the variant adds a `requestId`.
    func statusBody(_ body: JSONObject) -> JSONValue {
        guard self == .variant else { return .object(body) }
        var body = body
        body["requestId"] = .string(RandomIdentifier.make(length: 20))
        return .object(body)
    }

    /// An HTTP answer as written. The variant adds `serverTime`, a `links` member to every InteractionStateMessage
    /// in it (`interactionsURL` is the absolute `.../api/v2/interactions`) and reverses the members of every object.
    func answer(_ body: JSONValue, interactionsURL: String? = nil) -> JSONValue {
        guard self == .variant else { return body }
        var body = Self.stamped(body)
        if let interactionsURL {
            body = Self.linked(body, interactionsURL)
        }
        return Self.reversingMembers(body)
    }

    /// A Bayeux reply batch as written: the variant reverses the members of every object, notification data
    /// included (this is the one place it is done for them).
    func wire(_ messages: [JSONValue]) -> [JSONValue] {
        guard self == .variant else { return messages }
        return messages.map(Self.reversingMembers)
    }

    /// The notifications of one change as this dialect sends them.
    ///
    /// The variant reverses the order across agents (each agent's own messages keep their order), adds
    /// `serverTime` and `links` members, and follows each agent's messages with an AgentStateMessage on
    /// ``agentChannel``; `handled` counts the interactions an agent works on.
    func arrange(
        _ notifications: [AgentNotification],
        interactionsURL: String,
        handled: (String) -> Int
    ) -> [AgentNotification] {
        guard self == .variant else { return notifications }
        var agents: [String] = []
        for notification in notifications where !agents.contains(notification.agentId) {
            agents.append(notification.agentId)
        }
        return agents.reversed().flatMap { agent in
            let own = notifications.filter { $0.agentId == agent }.map { notification in
                var notification = notification
                notification.data = Self.stamped(Self.linked(notification.data, interactionsURL))
                return notification
            }
            let state = agentState(agent, handled: handled(agent))
            return own + [AgentNotification(agentId: agent, data: state, channel: Self.agentChannel)]
        }
    }

    /// How long after the HTTP answer a change's notifications go out; `nil`: with the answer.
    func notificationDelay() -> Duration? {
        guard self == .variant else { return nil }
        return .milliseconds(Int.random(in: Self.notificationDelays))
    }

    private func agentState(_ agentId: String, handled: Int) -> JSONValue {
        let state: JSONValue = handled > 0 ? "Busy" : "Ready"
        return .object(
            JSONObject([
                ("messageTypeName", "AgentStateMessage"), ("agentId", .string(agentId)), ("state", state),
                ("interactionCount", .integer(handled)), ("serverTime", .string(Self.now)),
            ])
        )
    }

    private static var now: String {
        Date.now.ISO8601Format()
    }

    /// Adds `serverTime` to a top-level object.
    private static func stamped(_ value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        object["serverTime"] = .string(now)
        return .object(object)
    }

    /// Adds `links.self` to every InteractionStateMessage; what `properties` holds is the client's and stays as is.
    private static func linked(_ value: JSONValue, _ interactionsURL: String) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map { linked($0, interactionsURL) })
        case .object(var object):
            for (key, member) in object.members where key != "properties" {
                object[key] = linked(member, interactionsURL)
            }
            if object["messageTypeName"] == "InteractionStateMessage", let id = object["id"]?.stringValue {
                object["links"] = ["self": .string("\(interactionsURL)/\(id)")]
            }
            return .object(object)
        default:
            return value
        }
    }

    private static func reversingMembers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements):
            .array(elements.map(reversingMembers))
        case .object(let object):
            .object(JSONObject(object.members.reversed().map { ($0.key, reversingMembers($0.value)) }))
        default:
            value
        }
    }
}
