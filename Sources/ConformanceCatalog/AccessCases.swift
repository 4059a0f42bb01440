import ConformanceJSON

/// `access:`, the block of an operation file that stands for the standard access cases of an operation sent
/// with `POST /me/interactions/{id}`: `access: standard`, or with options:
///
/// ```yaml
/// access:
///   body: {targetId: "${agent3.id}"}   # the operation's other parameters (default: none)
///   admin: invited                     # the set-up the admin case starts from (default: accepted)
///   unknownId: NoSuchInteraction0001   # the id that does not exist (default: NoSuch<Operation>0001); false: no case
///   wrongPassword: case                # a case of its own (default: a second step of the credentials case)
/// ```
///
/// It generates, with stable ids (`<operation in lower case>-...`):
/// - `-unknown-id`: agent1 performs it on an id that does not exist: refused with the documented error body;
/// - `-as-admin`: the Contact Center Admin performs it: refused, a MUST by OPERATION-PERMISSIONS;
/// - `-without-credentials`: no credentials, then agent1 with a wrong password: 401 (and `-wrong-password` for the
///   second when `wrongPassword: case`).
package enum AccessCases {
    package static func cases(from block: YAMLValue, operation: String) throws(InputFileError) -> [YAMLValue] {
        if case .scalar(let word, _) = block.kind {
            guard word == "standard" else {
                throw block.error(
                    "access is 'standard' or a mapping of options (body, admin, unknownId, wrongPassword)")
            }
            return try cases(
                from: YAMLValue(kind: .mapping([]), file: block.file, line: block.line), operation: operation)
        }
        let fields = try block.mapping("access")
        try fields.rejectUnknownFields(["body", "admin", "unknownId", "wrongPassword"])
        let prefix = operation.lowercased()
        var body: [(key: String, value: YAMLValue)] = []
        if let node = fields["body"] {
            _ = try node.mapping("the body of access")
            body = [("body", node)]
        }
        let admin = try fields["admin"]?.string("admin") ?? "accepted"
        let unknownId = try fields["unknownId"]?.string("unknownId") ?? "NoSuch\(operation)0001"
        let ownCase = try fields.keyword("wrongPassword", "case", meaning: "the wrong password gets a case of its own")
        func perform(_ role: String, _ more: [(key: String, value: YAMLValue)] = []) -> YAMLValue {
            .mapping([("as", .text(role))] + more + body)
        }
        let wrongPassword: YAMLValue = [
            "perform": perform("agent1", [("password", "wrong")]), "expect": "unauthorized",
        ]
        var cases: [YAMLValue] = []
        if unknownId != "false" {
            cases.append([
                "id": .text("\(prefix)-unknown-id"),
                "title": .text(
                    "\(operation) on an interaction id that does not exist is refused with the documented error body"),
                "steps": [["perform": perform("agent1", [("id", .text(unknownId))]), "expect": "error"]],
            ])
        }
        cases += [
            [
                "id": .text("\(prefix)-as-admin"),
                "title": .text("A Contact Center Admin cannot perform \(operation) (Permissions - Agent)"),
                "given": .text(admin),
                "steps": [["perform": perform("admin"), "expect": ["forbidden": "OPERATION-PERMISSIONS"]]],
            ],
            [
                "id": .text("\(prefix)-without-credentials"),
                "title": .text("\(operation) without credentials is refused with 401"),
                "given": "created",
                "steps": .sequence(
                    [["perform": perform("nobody"), "expect": "unauthorized"]] + (ownCase ? [] : [wrongPassword])),
            ],
        ]
        if ownCase {
            cases.append([
                "id": .text("\(prefix)-wrong-password"),
                "title": .text("\(operation) with a wrong password is refused with 401"),
                "given": "created",
                "steps": [wrongPassword],
            ])
        }
        return cases.map { $0.restamped(file: block.file, line: block.line) }
    }
}
