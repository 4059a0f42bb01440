import Foundation

extension InitCommand {
    /// What `init` knows of the target so far, from flags or the terminal, and the profile it makes of it.
    struct Answers {
        struct Account {
            var id: String
            var username: String
            /// As given: `$NAME` stands for the environment variable NAME.
            var password: String

            /// The YAML of the account, with a `$NAME` password written `${env:NAME}`.
            var yaml: String {
                let password =
                    self.password.hasPrefix("$") ? "${env:\(self.password.dropFirst())}" : self.password
                return "{id: \(quoted(id)), username: \(quoted(username)), password: \(quoted(password))}"
            }
        }

        var name: String?
        var baseURL: String?
        var notifications: String?
        var agents: [Account]
        var admin: Account?
        var fixturesURL: String?
        var queues: [String]
        var workbins: [String]
        var mediaTypes: [String]

        /// The flags still needed.
        var missing: [String] {
            var missing: [String] = []
            if baseURL == nil { missing.append("--base-url") }
            if agents.count < 3 { missing.append("--agent (\(3 - agents.count) more; at least 3)") }
            if fixturesURL == nil { missing.append("--fixtures-url") }
            return missing
        }

        /// Environment variables the passwords name, with a stand-in value to check the profile before they exist.
        var placeholderEnvironment: [String: String] {
            var environment: [String: String] = [:]
            for account in agents + (admin.map { [$0] } ?? []) where account.password.hasPrefix("$") {
                environment[String(account.password.dropFirst())] = "unset"
            }
            return environment
        }

        /// Asks on the terminal for what the flags left out.
        mutating func ask() {
            if baseURL == nil { baseURL = Self.prompt("Base URL of the API, ending in /api/v2") }
            while agents.count < 3 {
                let number = agents.count + 1
                say("Agent \(number) of at least 3 (an agent account the fixtures can route interactions to):")
                guard let id = Self.prompt("  id the API uses for it, e.g. agent-\(number)"),
                    let username = Self.prompt("  user name"),
                    let password = Self.prompt("  password, or $NAME to read it from the environment variable NAME")
                else { return }
                agents.append(Account(id: id, username: username, password: password))
            }
            if admin == nil, let id = Self.prompt("Contact Center Admin id (empty: no admin; its cases are SKIP)") {
                if let username = Self.prompt("  user name"), let password = Self.prompt("  password, or $NAME") {
                    admin = Account(id: id, username: username, password: password)
                }
            }
            if fixturesURL == nil {
                fixturesURL = Self.prompt("Fixtures URL (docs/fixtures.md), e.g. https://host/fixtures")
            }
        }

        /// One answer from the terminal; nil when it is empty or input ended.
        private static func prompt(_ question: String) -> String? {
            // Unbuffered, so the question shows before the answer is read.
            FileHandle.standardOutput.write(Data("\(question): ".utf8))
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return nil }
            return line
        }

        /// The profile, commented as docs/profile.md explains each field.
        var yaml: String {
            var lines = [
                "# yaml-language-server: $schema=profile.schema.json",
                "# A target profile for `conformance run --target THIS_FILE` (docs/profile.md explains every field).",
                "# `conformance doctor --target THIS_FILE` checks it against the server.",
            ]
            if let name { lines.append("name: \(quoted(name))                 # the target's name in reports") }
            lines.append("baseURL: \(baseURL ?? "")        # where the document's /api/v2 paths start")
            if let notifications {
                lines.append("notifications: \(notifications)   # the CometD endpoint")
            } else {
                lines.append(
                    "# notifications: \(baseURL ?? "")/notifications   # the CometD endpoint (this is the default)")
            }
            lines.append("agents:                 # at least 3; A agents run up to A cases at once")
            lines += agents.map { "  - \($0.yaml)" }
            if let admin {
                lines.append("admin: \(admin.yaml)   # the Contact Center Admin")
            } else {
                lines.append(
                    "# admin: {id: admin-1, username: admin, password: \"${env:ADMIN_PASSWORD}\"}   # without it, admin cases SKIP"
                )
            }
            lines.append("queues: [\(queues.map(quoted).joined(separator: ", "))]        # queues the target knows")
            lines.append("workbins: [\(workbins.map(quoted).joined(separator: ", "))]    # workbins the target knows")
            let media = mediaTypes.isEmpty ? ["email"] : mediaTypes
            lines.append("mediaTypes: [\(media.map(quoted).joined(separator: ", "))]   # the catalog runs under each")
            lines.append("fixtures: {kind: http, url: \(fixturesURL ?? "")}   # reset and route (docs/fixtures.md)")
            lines.append("# timeouts: {request: 10s, notification: 5s, quietPeriod: 300ms}")
            lines.append("# tls: {caFile: lab-ca.pem}    # for an https target signed by a lab CA")
            lines.append("# proxy: http://proxy.lab:3128")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

/// A YAML scalar in double quotes where it needs them.
private func quoted(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./@".contains($0) } && !text.isEmpty
    return plain
        ? text
        : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
