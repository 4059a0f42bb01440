import Hummingbird

/// A refused request: the HTTP status and the `errorDescription` the error body carries.
struct APIFailure: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var description: String

    static func badRequest(_ description: String) -> APIFailure {
        APIFailure(status: .badRequest, description: description)
    }
    static func unauthorized(_ description: String) -> APIFailure {
        APIFailure(status: .unauthorized, description: description)
    }
    static func forbidden(_ description: String) -> APIFailure {
        APIFailure(status: .forbidden, description: description)
    }
    static func notFound(_ description: String) -> APIFailure {
        APIFailure(status: .notFound, description: description)
    }
    static func conflict(_ description: String) -> APIFailure {
        APIFailure(status: .conflict, description: description)
    }
    static func contentTooLarge(_ description: String) -> APIFailure {
        APIFailure(status: .contentTooLarge, description: description)
    }
}
