/// A request as the runner sent it, for the transcript, the curl line and the messages of its deviations.
struct SentRequest: Sendable {
    var method: String
    var path: String
    var url: String
    var body: String?
    var curl: String
}
