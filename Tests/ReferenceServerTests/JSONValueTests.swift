import Testing

@testable import ReferenceServer

@Suite struct JSONValueTests {
    @Test func parsesAndPrintsKeepingMemberOrder() throws {
        let value = try #require(JSONValue.parse(#"{"b":[1,2.5,true,null],"a":"x\"y"}"#))
        #expect(value["a"] == .string("x\"y"))
        #expect(value["b"] == [1, .number(2.5), true, nil])
        #expect(value.jsonText == #"{"a":"x\"y","b":[1,2.5,true,null]}"#)
    }

    @Test func rejectsText() {
        #expect(JSONValue.parse("{nope") == nil)
    }
}
