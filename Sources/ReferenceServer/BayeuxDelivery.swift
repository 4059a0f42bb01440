/// The complete answer to a held `/meta/connect`: its reply followed by the messages it carries.
struct BayeuxDelivery: Sendable, Hashable {
    var token: Int
    var messages: [JSONValue]
}
