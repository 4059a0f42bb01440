@testable import ReferenceServer

/// A contact center driven by tests: each step answers either the notifications it sent (`agent-1:Accepted`) or
/// the HTTP status of its failure (`409`), so that assertions read as the scenario.
struct Desk {
    var center: ContactCenter

    init(_ deviations: Set<Switch> = [], readings: Readings = Readings(), variant: Bool = false) {
        center = ContactCenter(configuration: .generated(deviations: deviations, readings: readings, variant: variant))
    }

    mutating func create(for agent: String = "agent-1", _ properties: JSONObject = [:]) throws -> String {
        try center.create(mediaType: "email", agentId: agent, properties: properties).id
    }

    /// Creates an interaction for `agent` and has it accepted.
    mutating func accepted(by agent: String = "agent-1") throws -> String {
        let id = try create(for: agent)
        _ = try center.perform(.accept, on: id, by: agent)
        return id
    }

    mutating func run(_ operation: InteractionOperation, _ id: String, by agent: String) -> [String] {
        do {
            return try center.perform(operation, on: id, by: agent).map(Self.describe)
        } catch {
            return [String(error.status.code)]
        }
    }

    /// The last notification sent to `agent` by `operation`, for checking the message itself.
    mutating func message(_ operation: InteractionOperation, _ id: String, by agent: String) throws -> JSONValue? {
        try center.perform(operation, on: id, by: agent).last?.data
    }

    static func describe(_ notification: AgentNotification) -> String {
        "\(notification.agentId):\(notification.data["state"]?.stringValue ?? "?")"
    }
}
