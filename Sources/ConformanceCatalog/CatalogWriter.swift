/// Prints catalog nodes in the house style of the files under `specs/`: the document, its cases and their steps
/// (and a step's alternatives) in block style, one field per line; any other value in flow style on its field's line
/// when it fits, in block style when it does not. What it prints reads back to the same nodes.
package enum CatalogWriter {
    /// The lists whose elements are written one field per line, whatever their length.
    static let blockLists: Set<String> = ["cases", "steps", "alternatives"]

    /// `node` as a YAML document, `width` characters wide at most where a value allows it.
    package static func text(_ node: YAMLValue, width: Int = 120) -> String {
        lines(node, indent: 0, width: width, block: true).joined(separator: "\n") + "\n"
    }

    /// The lines of steps as they stand under a case's `steps:` (indented by six), for a case written elsewhere.
    package static func stepLines(_ steps: [YAMLValue], width: Int = 120) -> [String] {
        blockSequence(steps, indent: 6, width: width, blockElements: true)
    }

    /// `node` in flow style, on one line.
    package static func flow(_ node: YAMLValue) -> String {
        switch node.kind {
        case .scalar(let text, let quoted): scalar(text, quoted: quoted)
        case .sequence(let elements): "[" + elements.map(flow).joined(separator: ", ") + "]"
        case .mapping(let pairs): "{" + pairs.map { "\(key($0.key)): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private static func lines(_ node: YAMLValue, indent: Int, width: Int, block: Bool) -> [String] {
        switch node.kind {
        case .sequence(let elements) where !elements.isEmpty:
            return blockSequence(elements, indent: indent, width: width, blockElements: block)
        case .mapping(let pairs) where !pairs.isEmpty:
            return blockMapping(pairs, indent: indent, width: width)
        default:
            return [String(repeating: " ", count: indent) + flow(node)]
        }
    }

    private static func blockMapping(_ pairs: [(key: String, value: YAMLValue)], indent: Int, width: Int)
        -> [String]
    {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for pair in pairs {
            let head = pad + key(pair.key) + ":"
            let forcedBlock = blockLists.contains(pair.key) && isNonEmptySequence(pair.value)
            let inline = head + " " + flow(pair.value)
            if !forcedBlock, inline.count <= width || isScalar(pair.value) {
                lines.append(inline)
                continue
            }
            lines.append(head)
            if case .sequence(let elements) = pair.value.kind {
                lines += blockSequence(elements, indent: indent + 2, width: width, blockElements: forcedBlock)
            } else {
                lines += self.lines(pair.value, indent: indent + 2, width: width, block: false)
            }
        }
        return lines
    }

    /// A list, `- ` before each element; with `blockElements`, a mapping element one field per line.
    private static func blockSequence(_ elements: [YAMLValue], indent: Int, width: Int, blockElements: Bool)
        -> [String]
    {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for element in elements {
            let inline = pad + "- " + flow(element)
            let isMapping = if case .mapping(let pairs) = element.kind { !pairs.isEmpty } else { false }
            if !(blockElements && isMapping), inline.count <= width || isScalar(element) {
                lines.append(inline)
                continue
            }
            // The element's own lines, two further in, with the dash in place of the first one's indent.
            var nested = self.lines(element, indent: indent + 2, width: width, block: false)
            if !nested.isEmpty { nested[0] = pad + "- " + nested[0].dropFirst(indent + 2) }
            lines += nested
        }
        return lines
    }

    private static func isScalar(_ node: YAMLValue) -> Bool {
        if case .scalar = node.kind { true } else { false }
    }

    private static func isNonEmptySequence(_ node: YAMLValue) -> Bool {
        if case .sequence(let elements) = node.kind { !elements.isEmpty } else { false }
    }

    private static func key(_ text: String) -> String {
        scalar(text, quoted: true)
    }

    /// A scalar as written: plain where YAML reads it back as the same value, else in double quotes.
    static func scalar(_ text: String, quoted: Bool) -> String {
        if !quoted || isPlain(text) { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }

    /// Whether a string may be written without quotes, in block and flow context alike, and still read as that
    /// string (not a number, a boolean or null).
    private static func isPlain(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != " ", last != " " else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if text.contains(where: { ":,[]{}#\"'\\\n\t".contains($0) }) { return false }
        if ["null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off"]
            .contains(text)
        {
            return false
        }
        if Double(text) != nil || Int(text) != nil { return false }
        if first.isNumber || first == "." || first == "+" { return false }
        return true
    }
}
