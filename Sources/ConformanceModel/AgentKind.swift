/// The kinds of agent the model tells apart for one interaction, each with the steps that make an agent one from an
/// interaction routed to agent1: the columns of the table "What each kind of agent may do" in docs/explore.md, and
/// the operations of its rows. Tests check the table against the model, and every cell against a server.
public struct AgentKind: Sendable, Hashable, CustomStringConvertible {
    /// The table's column.
    public var name: String
    /// The agent that is of this kind after `setup`.
    public var agent: String
    public var setup: [ExploreStep]

    public var description: String { name }

    public static let all: [AgentKind] = [
        AgentKind(name: "owner", agent: "agent1", setup: [.operation(agent: "agent1", .accept)]),
        AgentKind(
            name: "party", agent: "agent2",
            setup: [
                .operation(agent: "agent1", .accept), .operation(agent: "agent1", .startConference(agent: "agent2")),
                .operation(agent: "agent2", .accept),
            ]),
        AgentKind(name: "invitee", agent: "agent1", setup: []),
        AgentKind(
            name: "transfer target", agent: "agent2",
            setup: [.operation(agent: "agent1", .accept), .operation(agent: "agent1", .transfer(target: "agent2"))]),
        AgentKind(
            name: "conference invitee", agent: "agent2",
            setup: [
                .operation(agent: "agent1", .accept), .operation(agent: "agent1", .startConference(agent: "agent2")),
            ]),
        AgentKind(
            name: "former owner", agent: "agent1",
            setup: [.operation(agent: "agent1", .accept), .operation(agent: "agent1", .stopProcessing)]),
        AgentKind(name: "stranger", agent: "agent3", setup: [.operation(agent: "agent1", .accept)]),
    ]

    /// The rows: each operation by this kind's agent, named as the table names it. A handover names agent3 (agent1
    /// when agent3 acts); EndConference names the agent that sends it.
    public var operations: [(row: String, operation: ModelOperation)] {
        let other = agent == "agent3" ? "agent1" : "agent3"
        return [
            ("Accept", .accept), ("Reject", .reject), ("StopProcessing", .stopProcessing),
            ("PlaceInQueue", .placeInQueue(queue: "q")), ("UpdateProperties", .updateProperties),
            ("PlaceInWorkbin", .placeInWorkbin(workbin: "w")), ("GetWorkbinContent", .getWorkbinContent(workbin: "w")),
            ("Transfer", .transfer(target: other)), ("StartConference", .startConference(agent: other)),
            ("EndConference", .endConference(agent: agent)), ("unknown operationName", .unknown),
        ]
    }

    /// Every cell as a sequence: the setup, then the operation, with the profile's first queue and workbin.
    public func sequences(queue: String, workbin: String) -> [[ExploreStep]] {
        operations.map { _, operation in
            setup + [.operation(agent: agent, operation.withQueue(queue).withWorkbin(workbin))]
        }
    }
}
