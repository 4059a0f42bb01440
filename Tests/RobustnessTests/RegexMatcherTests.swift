import ConformanceJSON
import Testing

@Suite struct RegexMatcherTests {
    @Test(arguments: [("(?x)a#", "a"), (#"\Qa.b"#, "a.b")])
    func aRegexThatCannotBeAnchoredIsRefusedWhenRead(expression: String, text: String) throws {
        // Matching compiles `^(?:expression)$`; a trailing comment or an unterminated \Q swallows the closing `)$`.
        // Reading compiles that same anchored form, so such an expression is refused up front instead of silently
        // never matching.
        #expect(throws: JSONPatternError.self) { try JSONPattern(reading: .string("$regex:" + expression)) }
        let plain = try JSONPattern(reading: .string("$regex:a.b"))
        #expect(JSONMatcher.match(plain, .string("a.b")).isMatch)
        #expect(!JSONMatcher.match(plain, .string("xa.b")).isMatch)
        _ = text
    }
}
