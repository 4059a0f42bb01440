import ConformanceReport

/// Reading `alternatives:`, the one form of "another answer the catalog allows": on a step (which may send another
/// request and report a deviation), on a check and on a notification expectation (which judge the same answer).
extension CaseReader {
    /// A step's `alternatives:`, each `{observes?, note?, send?: {body | path}, expect?, deviation?: {requirement,
    /// message}}` or the name of an alternative of `specs/presets.yaml`.
    package mutating func readAlternatives(_ node: YAMLValue?, operation: String) throws(InputFileError)
        -> [StepAlternative]
    {
        guard let node else { return [] }
        var alternatives: [StepAlternative] = []
        for element in try node.list("alternatives") {
            var entry = element
            if case .scalar(let name, _) = element.kind {
                guard let preset = alternativePresets[name] else {
                    throw element.error(
                        "unknown alternative '\(name)' (the alternatives of presets.yaml: "
                            + alternativePresets.keys.sorted().joined(separator: ", ") + ")")
                }
                entry = preset
            }
            let fields = try entry.mapping("an alternative")
            try fields.rejectUnknownFields(["observes", "note", "send", "expect", "deviation"])
            let send = try fields["send"]?.mapping("send")
            try send?.rejectUnknownFields(["body", "path"])
            if let send, send["body"] == nil, send["path"] == nil {
                throw send.owner.error("send needs a body (members to send instead) or a path (to send to instead)")
            }
            if let path = send?["path"] { try Self.checkPath(path) }
            guard send != nil || fields["expect"] != nil else {
                throw entry.error(
                    "an alternative needs send (a body or path to send instead), an expect to judge by, or both")
            }
            let deviation = try fields["deviation"]?.mapping("deviation")
            try deviation?.rejectUnknownFields(["requirement", "message"])
            alternatives.append(
                StepAlternative(
                    observes: try observation(fields["observes"]),
                    note: try fields["note"]?.string("note"),
                    body: send?["body"]?.json,
                    path: try send?["path"]?.string("path"),
                    checks: try fields["expect"].map { node throws(InputFileError) in
                        try readChecks(node, operation: operation)
                    },
                    deviation: try deviation.map { fields throws(InputFileError) in
                        AlternativeDeviation(
                            requirement: try requirementID(fields.required("requirement"), operation: operation),
                            message: try fields.required("message").string("message"))
                    },
                    line: element.line
                )
            )
        }
        return alternatives
    }

    /// The entries of a check's or a notification's `alternatives:`: `{observes?, note, expect}`, the one form of
    /// a step's alternatives without `send:` or `deviation:` (another request belongs to the step).
    package func alternativeEntries(_ node: YAMLValue?, of owner: String) throws(InputFileError)
        -> [(observes: Observation?, note: String, expect: YAMLValue)]
    {
        guard let node else { return [] }
        var entries: [(observes: Observation?, note: String, expect: YAMLValue)] = []
        for element in try node.list("alternatives") {
            let fields = try element.mapping("an alternative")
            if fields["send"] != nil || fields["deviation"] != nil {
                throw element.error(
                    "an alternative of \(owner) judges the same answer: send and deviation belong to a step's "
                        + "alternatives")
            }
            try fields.rejectUnknownFields(["observes", "note", "expect"])
            entries.append(
                (
                    try observation(fields["observes"]), try fields.required("note").string("note"),
                    try fields.required("expect")
                ))
        }
        return entries
    }
}
