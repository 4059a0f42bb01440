extension JSONValue {
    /// The canonical form used for goldens: keys sorted, two-space indentation, a final newline.
    public var canonicalText: String {
        var output = ""
        Self.write(self, into: &output, sortKeys: true, indent: 0, pretty: true)
        output.append("\n")
        return output
    }

    /// One line, members in their own order: for request bodies, curl lines and messages.
    public var compactText: String {
        var output = ""
        Self.write(self, into: &output, sortKeys: false, indent: 0, pretty: false)
        return output
    }

    /// The compact text cut to `limit` characters, with a marker saying how much was cut.
    public func abbreviated(limit: Int = 240) -> String {
        let text = compactText
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…(\(text.count - limit) more characters)"
    }

    private static func write(_ value: JSONValue, into output: inout String, sortKeys: Bool, indent: Int, pretty: Bool)
    {
        switch value {
        case .null: output.append("null")
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .number(let number): output.append(format(number))
        case .string(let string): writeString(string, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return output.append("[]") }
            output.append("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(",") }
                newline(&output, pretty: pretty, indent: indent + 1)
                write(element, into: &output, sortKeys: sortKeys, indent: indent + 1, pretty: pretty)
            }
            newline(&output, pretty: pretty, indent: indent)
            output.append("]")
        case .object(let object):
            guard !object.isEmpty else { return output.append("{}") }
            let members = sortKeys ? object.members.sorted { $0.key < $1.key } : object.members
            output.append("{")
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(",") }
                newline(&output, pretty: pretty, indent: indent + 1)
                writeString(member.key, into: &output)
                output.append(pretty ? ": " : ":")
                write(member.value, into: &output, sortKeys: sortKeys, indent: indent + 1, pretty: pretty)
            }
            newline(&output, pretty: pretty, indent: indent)
            output.append("}")
        }
    }

    private static func newline(_ output: inout String, pretty: Bool, indent: Int) {
        guard pretty else { return }
        output.append("\n")
        output.append(String(repeating: "  ", count: indent))
    }

    /// Integers print without a fraction; other numbers in Swift's shortest round-tripping form.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func writeString(_ string: String, into output: inout String) {
        output.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { compactText }
}
