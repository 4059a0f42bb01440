/// A request as the runner sent it, for the transcript, the curl line and the messages of its deviations.
package struct SentRequest: Sendable {
    package var method: String
    package var path: String
    package var url: String
    package var body: String?
    package var curl: String

    package init(method: String, path: String, url: String, body: String?, curl: String) {
        self.method = method
        self.path = path
        self.url = url
        self.body = body
        self.curl = curl
    }
}
