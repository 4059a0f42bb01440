import Hummingbird

@testable import ReferenceServer

/// An HTTP answer as tests look at it.
struct HTTPReply: Sendable {
    var status: Int
    var headers: HTTPFields
    var text: String

    var json: JSONValue? { JSONValue.parse(text) }
}
