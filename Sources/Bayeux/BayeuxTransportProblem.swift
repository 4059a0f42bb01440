/// Why a request got no usable reply, in words ("connect answered HTTP 500: ...").
struct BayeuxTransportProblem: Error, Sendable, CustomStringConvertible {
    var description: String
}
