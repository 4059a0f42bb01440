import Foundation

@testable import ConformanceJSON

/// Random JSON documents, matcher patterns and byte soups, drawn from a seeded generator so that a failing
/// input reproduces from the seed the property check prints.
enum RandomJSON {
    /// Characters that make strings interesting to escape and to validate.
    static let stringScalars: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "$", "/", "~", "\"", "\\", "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}",
        "\u{1F}", "\u{7F}", "\u{80}", "é", "中", "\u{2028}", "\u{FEFF}", "\u{FFFF}", "😀", "\u{10FFFF}",
    ]

    /// Bytes JSON is made of, plus a few it must refuse.
    static let tokenBytes: [UInt8] =
        Array(#"{}[]",:0123456789.eE+-truefalsn\u "#.utf8) + [0x00, 0x0A, 0x7F, 0xC3, 0xFF]

    static func chance(_ percent: Int, using rng: inout some RandomNumberGenerator) -> Bool {
        Int.random(in: 0..<100, using: &rng) < percent
    }

    static func element<T>(_ choices: [T], using rng: inout some RandomNumberGenerator) -> T {
        choices[Int.random(in: 0..<choices.count, using: &rng)]
    }

    static func string(maxLength: Int = 8, using rng: inout some RandomNumberGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) { scalars.append(element(stringScalars, using: &rng)) }
        return String(scalars)
    }

    /// A finite number: small and large integers, fractions, extremes, or any finite bit pattern.
    static func number(using rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: return Double(Int.random(in: -1000...1000, using: &rng))
        case 1: return Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &rng))
        case 2:
            let scale = element([10, 100, 1e6, 1e-3], using: &rng)
            return Double(Int.random(in: -99999...99999, using: &rng)) / scale
        case 3:
            return element(
                [0, -0.0, 1e15, -1e15, 1e300, -1e300, .leastNonzeroMagnitude, 1e-7, .greatestFiniteMagnitude],
                using: &rng)
        case 4: return Double.random(in: -1e20...1e20, using: &rng)
        default:
            let bits = Double(bitPattern: UInt64.random(in: .min ... .max, using: &rng))
            return bits.isFinite ? bits : 0.5
        }
    }

    /// A document nested at most `depth` levels.
    static func value(depth: Int, using rng: inout some RandomNumberGenerator) -> JSONValue {
        if depth == 0 || chance(40, using: &rng) {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return .null
            case 1: return .bool(chance(50, using: &rng))
            case 2, 3: return .number(number(using: &rng))
            default: return .string(string(using: &rng))
            }
        }
        let count = Int.random(in: 0...4, using: &rng)
        if chance(50, using: &rng) {
            return .array((0..<count).map { _ in value(depth: depth - 1, using: &rng) })
        }
        var object = JSONObject()
        for _ in 0..<count {
            let key = chance(30, using: &rng) ? element(["id", "status", "a", ""], using: &rng) : string(using: &rng)
            object[key] = value(depth: depth - 1, using: &rng)
        }
        return .object(object)
    }

    /// A pattern of every kind, with regular expressions that compile.
    static func pattern(depth: Int, using rng: inout some RandomNumberGenerator) -> JSONPattern {
        let regexes = ["a+", ".*", "[0-9]{2}", "x|y", "^$", "(é)?", "\\d+\\.\\d*"]
        if depth == 0 || chance(35, using: &rng) {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return .literal(value(depth: 1, using: &rng))
            case 1: return .any
            case 2: return .type(element(JSONTypeConstraint.allCases, using: &rng))
            case 3: return .regex(element(regexes, using: &rng))
            default: return .absent
            }
        }
        let count = Int.random(in: 0...3, using: &rng)
        var children: [JSONPattern] = []
        for _ in 0..<count { children.append(pattern(depth: depth - 1, using: &rng)) }
        switch Int.random(in: 0..<7, using: &rng) {
        case 0:
            return .capture(name: element(["x", "id", ""], using: &rng), pattern(depth: depth - 1, using: &rng))
        case 1:
            let members = children.map {
                JSONPattern.Member(key: element(["id", "status", "a", "$"], using: &rng), pattern: $0)
            }
            return .object(members, strict: chance(50, using: &rng))
        case 2:
            return .array(children, order: element([.ordered, .unordered, .contains], using: &rng))
        case 3:
            return .oneOf(children.isEmpty ? [.any] : children)
        case 4:
            return .anywhere(pattern(depth: depth - 1, using: &rng))
        case 5:
            return .not(pattern(depth: depth - 1, using: &rng))
        default:
            return .exactly(value(depth: depth, using: &rng))
        }
    }

    /// A document full of matcher directives, well-formed or not, for `JSONPattern(reading:)`.
    static func patternSource(depth: Int, using rng: inout some RandomNumberGenerator) -> JSONValue {
        let directives: [JSONValue] = [
            "$any", "$string", "$number", "$integer", "$absent", "$regex:a+", "$regex:(", "$capture:x",
            "$capture:x:string", "$capture:", "$capture:x:nope", "$$literal", "$bogus", "$",
        ]
        let objectDirectives = ["$strict", "$unordered", "$contains", "$oneOf", "$anywhere", "$not", "$weird"]
        if depth == 0 || chance(30, using: &rng) {
            return chance(60, using: &rng) ? element(directives, using: &rng) : value(depth: 0, using: &rng)
        }
        let count = Int.random(in: 0...3, using: &rng)
        var children: [JSONValue] = []
        for _ in 0..<count { children.append(patternSource(depth: depth - 1, using: &rng)) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            let argument: JSONValue =
                chance(50, using: &rng) ? .array(children) : (children.first ?? .object(JSONObject()))
            return [element(objectDirectives, using: &rng): argument]
        case 1:
            return .array(children)
        default:
            return .object(
                JSONObject(children.map { JSONObject.Member(key: string(maxLength: 3, using: &rng), value: $0) }))
        }
    }

    /// The document itself or a value nested somewhere in it.
    static func subvalue(of value: JSONValue, using rng: inout some RandomNumberGenerator) -> JSONValue {
        let children: [JSONValue]
        switch value {
        case .array(let elements): children = elements
        case .object(let object): children = object.map(\.value)
        default: children = []
        }
        guard !children.isEmpty, chance(60, using: &rng) else { return value }
        return subvalue(of: element(children, using: &rng), using: &rng)
    }

    /// JSON lexemes and near-lexemes, so that a fair share of soups parse.
    static let lexemes = [
        "{", "}", "[", "]", ",", ":", " ", "\n", "\"a\"", "\"\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"",
        "\"\\x\"", "0", "-1", "1.5e3", "01", "1.", "-", "1e999", "true", "false", "null", "nul", "\"", "\\",
    ]

    /// Lexemes strung together at random.
    static func lexemeSoup(maxCount: Int, using rng: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...maxCount, using: &rng)).flatMap { _ in Array(element(lexemes, using: &rng).utf8) }
    }

    /// Random bytes, mostly JSON tokens.
    static func bytes(maxLength: Int, using rng: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in
            chance(80, using: &rng) ? element(tokenBytes, using: &rng) : UInt8.random(in: 0...255, using: &rng)
        }
    }

    /// `bytes` after one to five random insertions, deletions and replacements.
    static func mutate(_ bytes: [UInt8], using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let byte =
                chance(70, using: &rng) ? element(tokenBytes, using: &rng) : UInt8.random(in: 0...255, using: &rng)
            let position = Int.random(in: 0...result.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: result.insert(byte, at: position)
            case 1 where position < result.count: result.remove(at: position)
            default: if position < result.count { result[position] = byte } else { result.append(byte) }
            }
        }
        return result
    }
}
