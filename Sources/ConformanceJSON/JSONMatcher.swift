import Foundation

/// Compares actual JSON with a `JSONPattern` and lists every difference with its pointer.
public enum JSONMatcher {
    /// Matches `actual` (`nil`: absent) against `pattern`.
    public static func match(_ pattern: JSONPattern, _ actual: JSONValue?) -> JSONMatch {
        match(pattern, actual, at: .root)
    }

    /// The structural differences between two documents; extra members of `actual` are not differences.
    public static func diff(expected: JSONValue, actual: JSONValue) -> [JSONDifference] {
        match(.exactly(expected), actual).differences
    }

    static func match(_ pattern: JSONPattern, _ actual: JSONValue?, at pointer: JSONPointer) -> JSONMatch {
        var result = JSONMatch()
        func fail(_ kind: JSONDifference.Kind, _ expected: String) {
            result.differences.append(
                JSONDifference(pointer: pointer, kind: kind, expected: expected, actual: render(actual))
            )
        }
        if case .absent = pattern {
            if actual != nil { fail(.unexpected, "(absent)") }
            return result
        }
        guard let actual else {
            fail(.missing, describe(pattern))
            return result
        }
        switch pattern {
        case .absent:
            break
        case .any:
            break
        case .literal(let expected):
            if expected.typeName != actual.typeName {
                fail(.type, expected.abbreviated())
            } else if expected != actual {
                fail(.value, expected.abbreviated())
            }
        case .type(let type):
            if !type.admits(actual) { fail(.type, "$" + type.rawValue) }
        case .regex(let expression):
            guard case .string(let string) = actual else {
                fail(.type, "a string matching /\(expression)/")
                break
            }
            if !fullMatch(expression, string) { fail(.pattern, "/\(expression)/") }
        case .capture(let name, let inner):
            result.absorb(match(inner, actual, at: pointer))
            if result.isMatch { result.captures[name] = actual }
        case .object(let members, let strict):
            guard case .object(let object) = actual else {
                fail(.type, strict ? "an object with exactly \(members.map(\.key))" : "an object")
                break
            }
            for member in members {
                result.absorb(match(member.pattern, object[member.key], at: pointer.appending(member.key)))
            }
            let expectedKeys = Set(members.map(\.key))
            for member in object where !expectedKeys.contains(member.key) {
                if strict {
                    result.differences.append(
                        JSONDifference(
                            pointer: pointer.appending(member.key),
                            kind: .unexpected,
                            expected: "(absent)",
                            actual: member.value.abbreviated()
                        )
                    )
                } else {
                    result.extraMembers.append(pointer.appending(member.key))
                }
            }
        case .array(let patterns, let order):
            guard case .array(let elements) = actual else {
                fail(.type, "an array")
                break
            }
            result.absorb(matchArray(patterns, order: order, elements, at: pointer))
        case .oneOf(let alternatives):
            let attempts = alternatives.map { match($0, actual, at: pointer) }
            if let success = attempts.first(where: \.isMatch) {
                result.absorb(success)
            } else {
                fail(.pattern, "one of " + alternatives.map(describe).joined(separator: " | "))
            }
        case .allOf(let patterns):
            for inner in patterns { result.absorb(match(inner, actual, at: pointer)) }
        case .not(let inner):
            if match(inner, actual, at: pointer).isMatch { fail(.pattern, describe(pattern)) }
        case .mentions(let text):
            if !mentions(text, in: actual) {
                fail(.pattern, describe(pattern))
            }
        case .anywhere(let inner):
            if let found = firstMatch(inner, in: actual, at: pointer) {
                result.absorb(found)
            } else {
                fail(.pattern, "a value somewhere inside matching \(describe(inner))")
            }
        }
        return result
    }

    private static func matchArray(
        _ patterns: [JSONPattern],
        order: JSONPattern.ArrayOrder,
        _ elements: [JSONValue],
        at pointer: JSONPointer
    ) -> JSONMatch {
        var result = JSONMatch()
        switch order {
        case .ordered:
            if patterns.count != elements.count {
                result.differences.append(
                    JSONDifference(
                        pointer: pointer,
                        kind: .count,
                        expected: "\(patterns.count) elements",
                        actual: "\(elements.count) elements"
                    )
                )
            }
            for index in 0..<min(patterns.count, elements.count) {
                result.absorb(match(patterns[index], elements[index], at: pointer.appending(index)))
            }
        case .unordered, .contains:
            if order == .unordered ? patterns.count != elements.count : patterns.count > elements.count {
                result.differences.append(
                    JSONDifference(
                        pointer: pointer,
                        kind: .count,
                        expected: order == .unordered
                            ? "\(patterns.count) elements" : "at least \(patterns.count) elements",
                        actual: "\(elements.count) elements"
                    )
                )
            }
            let trials = patterns.map { pattern in
                elements.indices.map { match(pattern, elements[$0], at: pointer.appending($0)) }
            }
            let assignment = bipartiteAssignment(trials.map { $0.map(\.isMatch) })
            for (patternIndex, elementIndex) in assignment.enumerated() {
                if let elementIndex {
                    result.absorb(trials[patternIndex][elementIndex])
                } else {
                    result.differences.append(
                        JSONDifference(
                            pointer: pointer,
                            kind: .pattern,
                            expected: "an element matching \(describe(patterns[patternIndex]))",
                            actual: JSONValue.array(elements).abbreviated()
                        )
                    )
                }
            }
        }
        return result
    }

    /// Kuhn's augmenting paths: for each pattern, the index of a distinct element it matches, if any.
    static func bipartiteAssignment(_ compatible: [[Bool]]) -> [Int?] {
        var owner: [Int: Int] = [:]
        func assign(_ pattern: Int, _ visited: inout Set<Int>) -> Bool {
            for (element, fits) in compatible[pattern].enumerated() where fits && !visited.contains(element) {
                visited.insert(element)
                if let current = owner[element] {
                    if assign(current, &visited) {
                        owner[element] = pattern
                        return true
                    }
                } else {
                    owner[element] = pattern
                    return true
                }
            }
            return false
        }
        for pattern in compatible.indices {
            var visited = Set<Int>()
            _ = assign(pattern, &visited)
        }
        var result = [Int?](repeating: nil, count: compatible.count)
        for (element, pattern) in owner { result[pattern] = element }
        return result
    }

    private static func firstMatch(_ pattern: JSONPattern, in value: JSONValue, at pointer: JSONPointer) -> JSONMatch? {
        let direct = match(pattern, value, at: pointer)
        if direct.isMatch { return direct }
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = firstMatch(pattern, in: element, at: pointer.appending(index)) { return found }
            }
        case .object(let object):
            for member in object {
                if let found = firstMatch(pattern, in: member.value, at: pointer.appending(member.key)) { return found }
            }
        default:
            break
        }
        return nil
    }

    /// Whether `text` appears as a whole token in a string or a number of the value (a URI that holds an id too,
    /// a numeric id) or in a member name: not inside a longer run of letters and digits, so id `12` is not mentioned by `123` or `A12`.
    public static func mentions(_ text: String, in value: JSONValue) -> Bool {
        switch value {
        case .string(let string): mentions(text, inString: string)
        case .number(let number): mentions(text, inString: JSONValue.format(number))
        case .array(let elements): elements.contains { mentions(text, in: $0) }
        case .object(let object):
            object.contains { mentions(text, inString: $0.key) || mentions(text, in: $0.value) }
        default: false
        }
    }

    private static func mentions(_ text: String, inString string: String) -> Bool {
        var searched = string.startIndex..<string.endIndex
        while let found = string.range(of: text, range: searched) {
            let before = found.lowerBound > string.startIndex ? string[string.index(before: found.lowerBound)] : nil
            let after = found.upperBound < string.endIndex ? string[found.upperBound] : nil
            let joined = { (character: Character?) in character.map { $0.isLetter || $0.isNumber } ?? false }
            if !joined(before) && !joined(after) { return true }
            searched = string.index(after: found.lowerBound)..<string.endIndex
        }
        return false
    }

    private static func fullMatch(_ expression: String, _ string: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: anchored(expression)) else { return false }
        let range = NSRange(string.startIndex..., in: string)
        return regex.firstMatch(in: string, range: range) != nil
    }

    /// A `$regex:` expression as the matcher compiles it: the whole string must match.
    static func anchored(_ expression: String) -> String {
        "^(?:" + expression + ")$"
    }

    static func render(_ value: JSONValue?) -> String {
        value.map { $0.abbreviated() } ?? "(absent)"
    }

    /// The pattern as a reader would write it.
    public static func describe(_ pattern: JSONPattern) -> String {
        switch pattern {
        case .literal(let value): value.abbreviated()
        case .any: "$any"
        case .absent: "$absent"
        case .type(let type): "$" + type.rawValue
        case .regex(let expression): "$regex:" + expression
        case .capture(let name, let inner): "$capture:\(name)" + (inner == .any ? "" : " \(describe(inner))")
        case .object(let members, let strict):
            (strict ? "strict " : "") + "{"
                + members.map { "\"\($0.key)\": \(describe($0.pattern))" }.joined(separator: ", ")
                + "}"
        case .array(let patterns, let order):
            (order == .ordered ? "" : order.rawValue + " ") + "[" + patterns.map(describe).joined(separator: ", ") + "]"
        case .oneOf(let alternatives): "one of (" + alternatives.map(describe).joined(separator: " | ") + ")"
        case .allOf(let patterns): "all of (" + patterns.map(describe).joined(separator: " & ") + ")"
        case .anywhere(let inner): "anywhere " + describe(inner)
        case .not(let inner): "not " + describe(inner)
        case .mentions(let text): "a value that mentions \(JSONValue.string(text).abbreviated())"
        }
    }
}
