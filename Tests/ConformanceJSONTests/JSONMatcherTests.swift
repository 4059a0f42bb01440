import Testing

@testable import ConformanceJSON

@Suite struct JSONMatcherTests {
    func match(_ expected: String, _ actual: String) throws -> JSONMatch {
        JSONMatcher.match(try JSONPattern(reading: JSONValue(parsing: expected)), try JSONValue(parsing: actual))
    }

    @Test func exactMatchHasNoDifferences() throws {
        let result = try match(#"{"status":"ok"}"#, #"{"status":"ok"}"#)
        #expect(result.isMatch)
        #expect(result.extraMembers.isEmpty)
    }

    @Test func listsEveryDifferenceWithItsPointer() throws {
        let result = try match(
            #"{"status":"ok","statusCode":0,"uris":["a","b"]}"#,
            #"{"status":"OK","uris":["a","c"]}"#
        )
        #expect(
            result.differences == [
                JSONDifference(pointer: JSONPointer("/status")!, kind: .value, expected: #""ok""#, actual: #""OK""#),
                JSONDifference(pointer: JSONPointer("/statusCode")!, kind: .missing, expected: "0", actual: "(absent)"),
                JSONDifference(pointer: JSONPointer("/uris/1")!, kind: .value, expected: #""b""#, actual: #""c""#),
            ]
        )
    }

    @Test func lenientObjectsListExtrasStrictOnesFail() throws {
        let lenient = try match(#"{"a":1}"#, #"{"a":1,"extra":true}"#)
        #expect(lenient.isMatch)
        #expect(lenient.extraMembers == [JSONPointer("/extra")!])
        let strict = try match(#"{"$strict":{"a":1}}"#, #"{"a":1,"extra":true}"#)
        #expect(strict.differences.map(\.kind) == [.unexpected])
        #expect(strict.differences.first?.pointer == JSONPointer("/extra"))
    }

    @Test func typeMismatchNamesBothTypes() throws {
        let result = try match(#"{"statusCode":0}"#, #"{"statusCode":"0"}"#)
        #expect(result.differences.first?.kind == .type)
        #expect(result.differences.first?.message == #"/statusCode has the wrong type: expected 0, found "0""#)
    }

    @Test(arguments: [
        (#""$any""#, #"{"x":1}"#, true),
        (#""$string""#, #""s""#, true),
        (#""$string""#, "1", false),
        (#""$integer""#, "2", true),
        (#""$integer""#, "2.5", false),
        (#""$boolean""#, "false", true),
        (#""$regex:[A-Za-z0-9]+""#, #""00009a8T8Y130123""#, true),
        (#""$regex:[A-Za-z0-9]+""#, #""ab-12""#, false),
        (#""$$any""#, #""$any""#, true),
        (#"{"$oneOf":["ok",{"s":1}]}"#, #"{"s":1}"#, true),
        (#"{"$oneOf":["ok","OK"]}"#, #""Ok""#, false),
        (#"{"$allOf":[{"$anywhere":[]},{"$not":{"t":"I"}}]}"#, #"{"t":"W","l":[]}"#, true),
        (#"{"$allOf":[{"$anywhere":[]},{"$not":{"t":"I"}}]}"#, #"{"t":"I","l":[]}"#, false),
        (#"{"$unordered":[1,2,3]}"#, "[3,1,2]", true),
        (#"{"$unordered":[1,2]}"#, "[1,1]", false),
        (#"{"$contains":[{"id":"b"}]}"#, #"[{"id":"a"},{"id":"b"}]"#, true),
        (#"{"$contains":[{"id":"c"}]}"#, #"[{"id":"a"},{"id":"b"}]"#, false),
        (#"{"$anywhere":{"id":"x"}}"#, #"{"workbin":"w","interactions":[{"id":"x","state":"InWorkbin"}]}"#, true),
        (#"{"$anywhere":{"id":"y"}}"#, #"{"interactions":[{"id":"x"}]}"#, false),
        (#"{"a":"$absent"}"#, #"{"b":1}"#, true),
        (#"{"a":"$absent"}"#, #"{"a":null}"#, false),
    ])
    func matchers(expected: String, actual: String, matches: Bool) throws {
        #expect(try match(expected, actual).isMatch == matches)
    }

    @Test func capturesRememberValues() throws {
        let result = try match(
            #"{"id":"$capture:ixId:string","n":"$capture:n"}"#,
            #"{"id":"00009a8T8Y130123","n":[1]}"#
        )
        #expect(result.captures == ["ixId": "00009a8T8Y130123", "n": [1]])
        let wrongType = try match(#"{"id":"$capture:ixId:string"}"#, #"{"id":5}"#)
        #expect(wrongType.captures.isEmpty)
        #expect(!wrongType.isMatch)
    }

    @Test func unknownMatcherIsAnErrorWithPointer() throws {
        let error = #expect(throws: JSONPatternError.self) {
            try JSONPattern(reading: JSONValue(parsing: #"{"a":["$strng"]}"#))
        }
        #expect(error?.pointer == JSONPointer("/a/0"))
    }

    @Test func arrayLengthDifferenceIsReportedOnce() throws {
        let result = try match("[1,2]", "[1,2,3]")
        #expect(
            result.differences == [
                JSONDifference(pointer: .root, kind: .count, expected: "2 elements", actual: "3 elements")
            ])
    }

    @Test func bipartiteAssignmentFindsAPerfectMatchingGreedyWouldMiss() {
        // Pattern 0 fits both elements, pattern 1 only element 0: greedy would give 0→0 and leave 1 unmatched.
        #expect(JSONMatcher.bipartiteAssignment([[true, true], [true, false]]) == [1, 0])
    }
}
