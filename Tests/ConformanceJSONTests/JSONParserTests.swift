import Testing

@testable import ConformanceJSON

@Suite struct JSONParserTests {
    @Test func keepsMemberOrder() throws {
        let value = try JSONValue(parsing: #"{"b":1,"a":[true,null,"x"],"c":{"z":0,"y":1.5}}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["c"]?.objectValue?.keys == ["z", "y"])
        #expect(value.compactText == #"{"b":1,"a":[true,null,"x"],"c":{"z":0,"y":1.5}}"#)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue(parsing: #""a\"b\\c\/d\n\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\né😀"))
    }

    @Test(arguments: [
        ("{\"a\":1,}", "expected a quoted member name"),
        ("[1 2]", "expected ',' or ']'"),
        ("{\"a\" 1}", "expected ':'"),
        ("\"abc", "unterminated string"),
        ("01", "unexpected text after"),
        ("tru", "invalid literal"),
        ("{\"operationName\": \"Accept\"} x", "unexpected text after"),
        ("{ { } }", "expected a quoted member name"),
    ])
    func rejectsMalformedText(text: String, reason: String) {
        #expect {
            _ = try JSONValue(parsing: text)
        } throws: { error in
            (error as? JSONParseError)?.reason.contains(reason) == true
        }
    }

    @Test func reportsLineAndColumn() {
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: "{\n  \"a\": 1,\n  \"b\" 2\n}") }
        #expect(error?.line == 3)
        #expect(error?.column == 7)
    }

    @Test func refusesInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
        #expect(error?.reason == "invalid UTF-8 in a string")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        #expect(error?.reason == "nesting deeper than 512 levels")
        #expect(
            (try? JSONParser(maximumDepth: 600).parse(
                String(repeating: "[", count: 600) + String(repeating: "]", count: 600))) != nil)
    }

    @Test func canonicalTextSortsKeysAndIndentsTwoSpaces() throws {
        let value = try JSONValue(parsing: #"{"status":"ok","a":{"y":[],"x":{}},"n":[1,2.5,-3e2]}"#)
        #expect(
            value.canonicalText == """
                {
                  "a": {
                    "x": {},
                    "y": []
                  },
                  "n": [
                    1,
                    2.5,
                    -300
                  ],
                  "status": "ok"
                }

                """
        )
        #expect(try JSONValue(parsing: value.canonicalText) == value)
    }

    @Test func objectEqualityIgnoresOrder() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"b":2}"#) == JSONValue(parsing: #"{"b":2,"a":1}"#))
        #expect(try JSONValue(parsing: #"[1,2]"#) != JSONValue(parsing: #"[2,1]"#))
    }

    @Test func pointersEscapeAndResolve() throws {
        let value = try JSONValue(parsing: #"{"a/b":{"m~n":[10,20]}}"#)
        let pointer = JSONPointer.root.appending("a/b").appending("m~n").appending(1)
        #expect(pointer.description == "/a~1b/m~0n/1")
        #expect(JSONPointer("/a~1b/m~0n/1") == pointer)
        #expect(value[pointer] == .number(20))
        #expect(value[JSONPointer("/a~1b/missing")!] == nil)
        #expect(JSONPointer("no-slash") == nil)
    }
}
