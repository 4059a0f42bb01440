/// The argument of a preset that takes one: `expect: {refusedBy: NOT-OWNER-REFUSED}` calls the preset `refusedBy`
/// with `<ARG>` in its checks replaced by `NOT-OWNER-REFUSED`.
///
/// Load-time macros are written `<NAME>`, apart from the run-time variables `${name}` that a case binds.
package enum PresetArgument {
    package static let placeholder = "<ARG>"
    /// In a requirement id: the operation the step performs, in upper case (`Accept` → `ACCEPT`).
    package static let operationMacro = "<OPERATION>"

    /// The preset's checks with the argument in place; a preset called with an argument it does not use, or
    /// without one it needs, is an error at the call.
    package static func apply(_ argument: YAMLValue?, to preset: YAMLValue, at call: YAMLValue) throws(InputFileError)
        -> YAMLValue
    {
        let uses = mentions(preset)
        switch (argument, uses) {
        case (nil, false):
            return preset
        case (nil, true):
            throw call.error("this preset takes an argument: write it as {NAME: ARGUMENT}")
        case (.some, false):
            throw call.error("this preset takes no argument: write its name alone")
        case (.some(let argument), true):
            let text = try argument.string("the argument of a preset")
            return replace(in: preset, with: text)
        }
    }

    private static func mentions(_ node: YAMLValue) -> Bool {
        switch node.kind {
        case .scalar(let text, _): text.contains(placeholder)
        case .sequence(let elements): elements.contains(where: mentions)
        case .mapping(let pairs): pairs.contains { mentions($0.value) }
        }
    }

    private static func replace(in node: YAMLValue, with text: String) -> YAMLValue {
        switch node.kind {
        case .scalar(let value, let quoted):
            return node.scalar(value.replacingOccurrences(of: placeholder, with: text), quoted: quoted)
        case .sequence(let elements):
            return YAMLValue(
                kind: .sequence(elements.map { replace(in: $0, with: text) }), file: node.file, line: node.line)
        case .mapping(let pairs):
            return YAMLValue(
                kind: .mapping(pairs.map { ($0.key, replace(in: $0.value, with: text)) }), file: node.file,
                line: node.line)
        }
    }
}
