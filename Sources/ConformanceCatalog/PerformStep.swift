/// `perform:`, the shorthand for a step that sends an operation with `POST /me/interactions/{id}`:
///
/// ```yaml
/// - perform: {as: agent2, operation: Accept, on: ix, body: {targetId: "${agent3.id}"}}
///   expect: success
/// ```
///
/// becomes `request: {as: agent2, method: POST, path: "/me/interactions/${ix.id}", body: {operationName: Accept,
/// targetId: "${agent3.id}"}}`. `operation` defaults to the operation of the file, `on` (the name an interaction
/// was bound to) to `ix`; `id` sends a literal id instead (`id: NoSuchInteraction0001`), and `password` goes to
/// the request as it would there. The step's other fields (`expect`, `observes`, ...) stay as they are.
package enum PerformStep {
    package static func expand(_ step: YAMLValue, operation: String) throws(InputFileError) -> YAMLValue {
        guard case .mapping(let pairs) = step.kind, let index = pairs.firstIndex(where: { $0.key == "perform" })
        else { return step }
        let perform = pairs[index].value
        let fields = try perform.mapping("perform")
        try fields.rejectUnknownFields(["as", "password", "operation", "on", "id", "body"])
        if fields["on"] != nil, fields["id"] != nil {
            throw perform.error("perform takes either 'on' (an interaction of the case) or 'id' (a literal id)")
        }
        let target: String
        if let id = fields["id"] {
            target = try id.string("id")
        } else {
            target = "${\(try fields["on"]?.string("on") ?? "ix").id}"
        }
        let name = try fields["operation"]?.string("operation") ?? operation
        var body: [(key: String, value: YAMLValue)] = [("operationName", perform.scalar(name))]
        if let extra = fields["body"] {
            let members = try extra.mapping("the body of perform").pairs
            guard !members.contains(where: { $0.key == "operationName" }) else {
                throw extra.error("perform names the operation with 'operation', not in its body")
            }
            body += members
        }
        var request: [(key: String, value: YAMLValue)] = [("as", try fields.required("as"))]
        if let password = fields["password"] { request.append(("password", password)) }
        request += [
            ("method", perform.scalar("POST")),
            ("path", perform.scalar("/me/interactions/\(target)", quoted: true)),
            ("body", YAMLValue(kind: .mapping(body), file: perform.file, line: perform.line)),
        ]
        var expanded = pairs
        expanded[index] = ("request", YAMLValue(kind: .mapping(request), file: perform.file, line: perform.line))
        return YAMLValue(kind: .mapping(expanded), file: step.file, line: step.line)
    }
}

extension YAMLValue {
    /// A scalar at this node's place in the file.
    package func scalar(_ text: String, quoted: Bool = false) -> YAMLValue {
        YAMLValue(kind: .scalar(text, quoted: quoted), file: file, line: line)
    }
}
