/// A `/meta/connect` request held open until a message arrives, it times out, or the session ends.
struct HeldConnect: Sendable, Hashable {
    /// Identifies the waiting HTTP request.
    var token: Int
    /// The `id` of the connect message, echoed in its reply.
    var requestId: JSONValue?
}
