/// Finds the agents a case refers to, wherever it names them: a role (`as: agent2`, `agent: [agent2, agent3]`)
/// or a template (`targetId: "${agent3.id}"`). The highest number is how many agents the case must lease.
package enum AgentReferences {
    /// The highest `N` of `agentN` named anywhere in the node, or 0.
    package static func highest(in node: YAMLValue) -> Int {
        switch node.kind {
        case .scalar(let text, _): return highest(in: text)
        case .sequence(let elements): return elements.map { highest(in: $0) }.max() ?? 0
        case .mapping(let pairs): return pairs.map { max(highest(in: $0.key), highest(in: $0.value)) }.max() ?? 0
        }
    }

    /// `agentN` as the whole text, or every `${agentN.` inside it.
    package static func highest(in text: String) -> Int {
        if let whole = number(after: "agent", in: Substring(text)), whole.rest.isEmpty { return whole.value }
        var found = 0
        var rest = Substring(text)
        while let start = rest.range(of: "${agent") {
            rest = rest[start.upperBound...]
            if let reference = number(after: "", in: rest), reference.rest.hasPrefix(".") {
                found = max(found, reference.value)
            }
        }
        return found
    }

    /// The decimal number right after `prefix` at the start of `text`, and what follows it.
    private static func number(after prefix: String, in text: Substring) -> (value: Int, rest: Substring)? {
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        guard let value = Int(digits), value >= 1 else { return nil }
        return (value, text.dropFirst(prefix.count + digits.count))
    }
}
