import ConformanceJSON

/// Catalog nodes built in code, for what the suite writes itself (the access cases, the explorer's expectations and
/// explored cases): `["perform": ["as": "agent1"], "expect": "error"]`. The reader takes them as they are, and
/// ``CatalogWriter`` prints them where a person reads them; nothing is assembled as text and parsed again.
extension YAMLValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    /// Where a node built in code says it comes from, in the reader's messages.
    package static let builtFile = "(written by the suite)"

    /// A string: read as a string whatever it looks like (`"200"` stays text).
    package static func text(_ value: String) -> YAMLValue {
        YAMLValue(kind: .scalar(value, quoted: true), file: builtFile, line: nil)
    }

    /// A mapping, its keys in this order.
    package static func mapping(_ pairs: [(key: String, value: YAMLValue)]) -> YAMLValue {
        YAMLValue(kind: .mapping(pairs), file: builtFile, line: nil)
    }

    package static func sequence(_ elements: [YAMLValue]) -> YAMLValue {
        YAMLValue(kind: .sequence(elements), file: builtFile, line: nil)
    }

    /// A JSON value as the catalog writes it (a body, a matcher).
    package init(json: JSONValue) {
        switch json {
        case .null: self = YAMLValue(kind: .scalar("null", quoted: false), file: Self.builtFile, line: nil)
        case .bool(let value): self.init(booleanLiteral: value)
        case .number: self = YAMLValue(kind: .scalar(json.compactText, quoted: false), file: Self.builtFile, line: nil)
        case .string(let value): self = .text(value)
        case .array(let elements): self = .sequence(elements.map(YAMLValue.init(json:)))
        case .object(let object): self = .mapping(object.map { (key: $0.key, value: YAMLValue(json: $0.value)) })
        }
    }

    package init(stringLiteral value: String) {
        self = .text(value)
    }

    package init(arrayLiteral elements: YAMLValue...) {
        self = .sequence(elements)
    }

    package init(dictionaryLiteral elements: (String, YAMLValue)...) {
        self = .mapping(elements.map { (key: $0.0, value: $0.1) })
    }

    package init(integerLiteral value: Int) {
        self = YAMLValue(kind: .scalar(String(value), quoted: false), file: Self.builtFile, line: nil)
    }

    package init(booleanLiteral value: Bool) {
        self = YAMLValue(kind: .scalar(value ? "true" : "false", quoted: false), file: Self.builtFile, line: nil)
    }

    /// The mapping with these pairs after its own (a key it has already is replaced in place).
    package func adding(_ pairs: [(key: String, value: YAMLValue)]) -> YAMLValue {
        guard case .mapping(var own) = kind else { return self }
        for pair in pairs {
            if let index = own.firstIndex(where: { $0.key == pair.key }) {
                own[index].value = pair.value
            } else {
                own.append(pair)
            }
        }
        return YAMLValue(kind: .mapping(own), file: file, line: line)
    }
}

/// Two nodes are equal when they say the same, wherever they were read or built.
extension YAMLValue: Hashable {
    package static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.scalar(let left, let leftQuoted), .scalar(let right, let rightQuoted)):
            left == right && leftQuoted == rightQuoted
        case (.sequence(let left), .sequence(let right)): left == right
        case (.mapping(let left), .mapping(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch kind {
        case .scalar(let text, let quoted):
            hasher.combine(text)
            hasher.combine(quoted)
        case .sequence(let elements):
            hasher.combine(elements)
        case .mapping(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }
}
