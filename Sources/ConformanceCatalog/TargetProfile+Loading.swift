import ConformanceReport
import Foundation

extension TargetProfile {
    /// Reads a profile file; every problem names the file, the line and the field.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(InputFileError) -> TargetProfile
    {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputFileError(file: path, message: "cannot read the target profile: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: path, environment: environment)
    }

    /// Reads a profile from YAML text; `file` names it in messages.
    public static func parse(yaml text: String, file: String, environment: [String: String] = [:])
        throws(InputFileError) -> TargetProfile
    {
        let root = try YAMLValue.parse(text, file: file).mapping("the target profile")
        try root.rejectUnknownFields([
            "name", "baseURL", "notifications", "auth", "agents", "admin", "queues", "workbins", "mediaTypes",
            "fixtures", "timeouts", "cookies", "tls", "proxy",
        ])
        let baseValue = try root.required("baseURL")
        let baseURL = try httpURL(baseValue.string("baseURL"), field: "baseURL", at: baseValue)
        // Every path of the document starts at /api/v2 (`POST /api/v2/me/interactions/{id}`); the suite adds the rest.
        guard baseURL.hasSuffix("/api/v2") else {
            throw baseValue.error(
                "baseURL '\(baseURL)' must end in /api/v2, where the document's paths start "
                    + "(e.g. \(baseURL)/api/v2 if the API is served there)")
        }
        if let auth = root["auth"], try auth.string("auth") != "basic" {
            throw auth.error("auth '\(try auth.string("auth"))' is not supported; use 'basic'")
        }
        let agentNodes = try root.required("agents").list("agents")
        var agents: [Account] = []
        for node in agentNodes {
            agents.append(try account(node, what: "each entry of agents", environment: environment))
        }
        guard agents.count >= 3 else {
            throw try root.required("agents").error("agents lists \(agents.count); at least 3 are needed")
        }
        let admin = try root["admin"].map { node throws(InputFileError) in
            try account(node, what: "admin", environment: environment)
        }
        try rejectDuplicates(agents, admin: admin, nodes: agentNodes, adminNode: root["admin"])
        var profile = TargetProfile(
            name: try root["name"]?.string("name") ?? baseURL,
            baseURL: baseURL,
            notificationsURL: try root["notifications"].map { node throws(InputFileError) in
                try httpURL(node.string("notifications"), field: "notifications", at: node)
            },
            agents: agents,
            admin: admin,
            queues: try root["queues"]?.strings("queues") ?? [],
            workbins: try root["workbins"]?.strings("workbins") ?? [],
            mediaTypes: try root["mediaTypes"]?.strings("mediaTypes") ?? ["email"],
            fixtures: try fixtures(root.required("fixtures"))
        )
        if let node = root["timeouts"] { profile.timeouts = try timeouts(node) }
        if let node = root["cookies"] { profile.cookies = try node.boolean("cookies") }
        if let node = root["tls"] { profile.tls = try tls(node, profileFile: file) }
        if let node = root["proxy"] { profile.proxy = try proxy(node) }
        return profile
    }

    /// Two accounts with the same id or user name would be leased as two agents yet be one on the target.
    private static func rejectDuplicates(
        _ agents: [Account], admin: Account?, nodes: [YAMLValue], adminNode: YAMLValue?
    ) throws(InputFileError) {
        var accounts = agents.enumerated().map {
            (place: "agents[\($0.offset)]", account: $0.element, node: nodes[$0.offset])
        }
        if let admin, let adminNode { accounts.append((place: "admin", account: admin, node: adminNode)) }
        for (index, entry) in accounts.enumerated() {
            for earlier in accounts[..<index] {
                if earlier.account.id == entry.account.id {
                    throw entry.node.error(
                        "\(entry.place).id '\(entry.account.id)' is already the id of \(earlier.place); each account "
                            + "needs its own")
                }
                if earlier.account.username == entry.account.username {
                    throw entry.node.error(
                        "\(entry.place).username '\(entry.account.username)' is already the username of "
                            + "\(earlier.place); each account needs its own")
                }
            }
        }
    }

    private static func httpURL(_ text: String, field: String, at node: YAMLValue) throws(InputFileError) -> String {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw node.error("\(field) '\(text)' is not an http(s) URL")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    private static func account(_ node: YAMLValue, what: String, environment: [String: String])
        throws(InputFileError) -> Account
    {
        let fields = try node.mapping(what)
        try fields.rejectUnknownFields(["id", "username", "password"])
        let passwordNode = try fields.required("password")
        var password = try passwordNode.string("password")
        var variable: String?
        if password.hasPrefix("${env:"), password.hasSuffix("}") {
            let name = String(password.dropFirst("${env:".count).dropLast())
            guard let value = environment[name] else {
                throw passwordNode.error("password names the environment variable \(name), which is not set")
            }
            variable = name
            password = value
        }
        return Account(
            id: try fields.required("id").string("id"),
            username: try fields.required("username").string("username"),
            password: password,
            passwordVariable: variable
        )
    }

    private static func fixtures(_ node: YAMLValue) throws(InputFileError) -> Fixtures {
        let fields = try node.mapping("fixtures")
        try fields.rejectUnknownFields(["kind", "url", "create", "reset"])
        let kind = try fields["kind"]?.string("fixtures.kind") ?? "http"
        // A field of another kind would be ignored in silence: `create` under http means the kind is wrong.
        let allowed = ["http": ["kind", "url"], "command": ["kind", "create", "reset"], "manual": ["kind"]][kind]
        if let allowed, let stray = fields.keys.first(where: { !allowed.contains($0) }) {
            throw node.error(
                "fixtures.\(stray) does not apply to fixtures.kind \(kind) (it takes \(allowed.joined(separator: ", ")))"
            )
        }
        switch kind {
        case "http":
            let urlNode = try fields.required("url")
            return .http(url: try httpURL(urlNode.string("fixtures.url"), field: "fixtures.url", at: urlNode))
        case "command":
            return .command(
                create: try fields.required("create").string("fixtures.create"),
                reset: try fields["reset"]?.string("fixtures.reset")
            )
        case "manual":
            return .manual
        default:
            throw node.error("fixtures.kind '\(kind)' is not one of http, command, manual")
        }
    }

    private static func timeouts(_ node: YAMLValue) throws(InputFileError) -> Timeouts {
        let fields = try node.mapping("timeouts")
        try fields.rejectUnknownFields(["request", "notification", "quietPeriod"])
        var timeouts = Timeouts()
        if let value = fields["request"] { timeouts.request = try duration(value, field: "timeouts.request") }
        if let value = fields["notification"] {
            timeouts.notification = try duration(value, field: "timeouts.notification")
        }
        if let value = fields["quietPeriod"] {
            timeouts.quietPeriod = try duration(value, field: "timeouts.quietPeriod")
        }
        return timeouts
    }

    /// `250ms`, `5s`, or a bare number of seconds.
    package static func duration(_ node: YAMLValue, field: String) throws(InputFileError) -> Duration {
        let text = try node.string(field)
        guard let duration = DurationText.parse(text) else {
            throw node.error("\(field) '\(text)' is not a duration like 250ms or 5s")
        }
        return duration
    }
}
