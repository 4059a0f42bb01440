import ConformanceCatalog
import Foundation

/// A curl line that reproduces one request, with passwords left out of the text.
public enum CurlCommand {
    public static func line(
        method: String,
        url: String,
        account: TargetProfile.Account?,
        wrongPassword: Bool,
        body: String?
    ) -> String {
        var parts = ["curl", "-sS", "-i", "-X", method]
        if let account {
            let password: String
            if wrongPassword {
                password = BasicAuth.wrongPassword
            } else if let variable = account.passwordVariable {
                password = "$" + variable
            } else {
                password = "<password of \(account.username)>"
            }
            let credential = account.username + ":" + password
            parts += [
                "-u", account.passwordVariable != nil && !wrongPassword ? "\"\(credential)\"" : quote(credential),
            ]
        }
        if let body {
            parts += ["-H", quote("Content-Type: application/json"), "--data", quote(body)]
        }
        parts.append(quote(url))
        return parts.joined(separator: " ")
    }

    /// Single-quotes for a POSIX shell.
    package static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
