/// A JSON object that keeps the order in which its members were added.
struct JSONObject: Sendable, Hashable {
    private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    init() {}

    init(_ members: [(String, JSONValue)]) {
        for (key, value) in members {
            self[key] = value
        }
    }

    var isEmpty: Bool { keys.isEmpty }

    var members: [(key: String, value: JSONValue)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }

    subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil {
                    keys.append(key)
                }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Adds or replaces the top-level members of `other`, keeping the position of replaced keys.
    mutating func merge(_ other: JSONObject) {
        for (key, value) in other.members {
            self[key] = value
        }
    }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.values == rhs.values
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(values)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
