import ConformanceJSON
import PropertyBased
import Testing

/// The runner's JSON core on inputs nobody wrote by hand. A failure prints the input and the seed; adding
/// `.fixedSeed("<seed>")` to the test replays exactly that input.
@Suite(.timeLimit(.minutes(1))) struct JSONFuzzTests {
    static let documents = Generator { rng in RandomJSON.value(depth: 5, using: &rng) }
    static let patterns = Generator { rng in RandomJSON.pattern(depth: 4, using: &rng) }

    @Test func randomBytesParseOrThrowAParseError() async {
        let soups = Generator { rng in
            RandomJSON.chance(50, using: &rng)
                ? RandomJSON.bytes(maxLength: 48, using: &rng) : RandomJSON.lexemeSoup(maxCount: 12, using: &rng)
        }
        var parsed = 0
        await propertyCheck(count: 200, input: soups) { bytes in
            parsed += expectParsedOrRefused(bytes) ? 1 : 0
        }
        print("[robustness] random bytes: \(parsed) of 200 parsed")
    }

    @Test func mutatedDocumentsParseOrThrowAParseError() async {
        let mutants = Generator { rng in
            let value = RandomJSON.value(depth: 4, using: &rng)
            let text = RandomJSON.chance(50, using: &rng) ? value.canonicalText : value.compactText
            return RandomJSON.mutate(Array(text.utf8), using: &rng)
        }
        var parsed = 0
        await propertyCheck(count: 200, input: mutants) { bytes in
            parsed += expectParsedOrRefused(bytes) ? 1 : 0
        }
        print("[robustness] mutated documents: \(parsed) of 200 parsed")
    }

    @Test func generatedDocumentsRoundTripAndMatchThemselves() async {
        await propertyCheck(count: 200, input: Self.documents) { value in
            expectRoundTrip(value)
            let match = JSONMatcher.match(.exactly(value), value)
            #expect(match.isMatch, "\(match.differences.map(\.message))")
            #expect(JSONMatcher.diff(expected: value, actual: value).isEmpty)
        }
    }

    @Test func aValueNestedAnywhereIsFoundThere() async {
        let pairs = Generator { rng in
            let value = RandomJSON.value(depth: 5, using: &rng)
            return (value, RandomJSON.subvalue(of: value, using: &rng))
        }
        await propertyCheck(count: 200, input: pairs) { value, nested in
            #expect(JSONMatcher.match(.anywhere(.exactly(nested)), value).isMatch)
        }
    }

    @Test func randomPatternsMatchRandomDocumentsConsistently() async {
        var matched = 0
        await propertyCheck(count: 200, input: Self.patterns, Self.documents) { pattern, value in
            let match = JSONMatcher.match(pattern, value)
            matched += match.isMatch ? 1 : 0
            #expect(!JSONMatcher.describe(pattern).isEmpty)
            #expect(JSONMatcher.match(.not(pattern), value).isMatch == !match.isMatch)
            #expect(JSONMatcher.match(.oneOf([pattern, .any]), value).isMatch)
            #expect(JSONMatcher.match(pattern, nil).isMatch == (pattern == .absent))
            if case .capture(let name, _) = pattern, match.isMatch {
                #expect(match.captures[name] == value)
            }
        }
        print("[robustness] random patterns: \(matched) of 200 matched")
    }

    @Test func randomDirectivesReadOrThrowAPatternError() async {
        let sources = Generator { rng in RandomJSON.patternSource(depth: 4, using: &rng) }
        var read = 0
        await propertyCheck(count: 200, input: sources, Self.documents) { source, value in
            do throws(JSONPatternError) {
                let pattern = try JSONPattern(reading: source)
                read += 1
                _ = JSONMatcher.match(pattern, value)
                #expect(!JSONMatcher.describe(pattern).isEmpty)
            } catch {
                #expect(!error.reason.isEmpty)
                #expect(error.description.hasPrefix("invalid matcher at /"))
            }
        }
        print("[robustness] directive documents: \(read) of 200 read as patterns")
    }

    @Test(arguments: [(512, true), (513, false), (100_000, false)])
    func nestingIsRefusedPastTheLimitAndHandledUpToIt(depth: Int, parses: Bool) {
        let arrays =
            [UInt8](repeating: UInt8(ascii: "["), count: depth)
            + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
        let objects =
            Array(String(repeating: #"{"a":"#, count: depth).utf8) + Array("1".utf8)
            + [UInt8](repeating: UInt8(ascii: "}"), count: depth)
        for bytes in [arrays, objects] {
            do throws(JSONParseError) {
                let value = try JSONValue(parsing: bytes)
                #expect(parses, "\(depth) levels parsed")
                expectRoundTrip(value)
                #expect(JSONMatcher.match(.exactly(value), value).isMatch)
            } catch {
                #expect(!parses, "\(depth) levels refused: \(error)")
                #expect(error.reason == "nesting deeper than 512 levels")
            }
        }
    }
}

/// Parsing ends in a value that round-trips or in a parse error that points inside the input; true if it parsed.
@discardableResult
func expectParsedOrRefused(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    do throws(JSONParseError) {
        expectRoundTrip(try JSONValue(parsing: bytes), sourceLocation: sourceLocation)
        return true
    } catch {
        #expect((0...bytes.count).contains(error.offset), "\(error)", sourceLocation: sourceLocation)
        #expect(error.line >= 1 && error.column >= 1, "\(error)", sourceLocation: sourceLocation)
        #expect(!error.reason.isEmpty, sourceLocation: sourceLocation)
        return false
    }
}

/// Both printed forms of `value` parse back to it.
func expectRoundTrip(_ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) {
    let canonical = value.canonicalText
    #expect((try? JSONValue(parsing: canonical)) == value, "\(canonical)", sourceLocation: sourceLocation)
    #expect(
        (try? JSONValue(parsing: value.compactText)) == value, "\(value.compactText)", sourceLocation: sourceLocation)
}
