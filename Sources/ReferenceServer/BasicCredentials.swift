import Foundation

/// User name and password from an `Authorization: Basic ...` header.
struct BasicCredentials: Sendable, Hashable {
    var username: String
    var password: String

    /// `nil` when the header is not well-formed Basic credentials.
    init?(header: String) {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        self.username = String(decoded[..<colon])
        self.password = String(decoded[decoded.index(after: colon)...])
    }
}
