import Foundation
import Testing

@testable import ConformanceModel

/// The table of docs/explore.md "What each kind of agent may do" is the model's: every cell's outcome (done,
/// refused, either) is what the model allows that kind of agent, whatever the readings.
@Suite struct RoleTableTests {
    static let profile = ModelProfile(agents: ["agent1", "agent2", "agent3"], queues: ["q"], workbins: ["w"])

    /// What the model allows, in the table's words.
    static func word(_ outcomes: Set<ModelOutcome>) -> String {
        switch outcomes {
        case [.success]: "done"
        case [.refusal]: "refused"
        default: "either"
        }
    }

    /// The model's cell: the outcomes allowed, and the requirement when only one is.
    static func modelCell(_ role: AgentKind, _ operation: ModelOperation) -> (word: String, requirement: String?) {
        let steps = role.setup + [.operation(agent: role.agent, operation)]
        guard
            case .outcomes(let outcomes, let requirement) = StepExpectation.of(
                steps, invitedAgent: "agent1", profile: profile
            ).last
        else { return ("?", nil) }
        return (word(outcomes), requirement)
    }

    /// The table of docs/explore.md: operation → column → cell text.
    static func documentedTable() throws -> [String: [String: String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/explore.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### What each kind of agent may do").last)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let header = try #require(rows.first)
        var table: [String: [String: String]] = [:]
        for row in rows.dropFirst(2) {
            let name = row[0].replacingOccurrences(of: "`", with: "")
            for (column, cell) in zip(header.dropFirst(), row.dropFirst()) { table[name, default: [:]][column] = cell }
        }
        return table
    }

    @Test(arguments: AgentKind.all)
    func everyCellOfTheDocumentedTableIsTheModels(role: AgentKind) throws {
        let table = try Self.documentedTable()
        for (row, operation) in role.operations {
            let cell = try #require(table[row]?[role.name], "docs/explore.md has no cell for \(row) by \(role)")
            let (word, requirement) = Self.modelCell(role, operation)
            #expect(cell.hasPrefix(word + " "), "\(row) by \(role): the model allows \(word), the table says \(cell)")
            // A cell the document decides names the requirement the model holds the target to there.
            if let requirement, word != "either" {
                #expect(
                    cell.contains(requirement), "\(row) by \(role): the model cites \(requirement), the table \(cell)")
            }
        }
    }
}
