extension Catalog {
    /// The checks of an `expect:` written in the catalog's own YAML (`success`, `[error, {refused: true, ...}]`,
    /// `{status: 200, requirement: R}`), read as a step of a case performing `operation` reads it: for judges
    /// outside a case, such as the explorer, with the catalog's presets, goldens, matchers and requirements.
    package func checks(_ expect: String, operation: String) throws(InputFileError) -> [Check] {
        var reader = CaseReader(presets: presets, goldenRoot: goldenRoot, readings: readings)
        reader.goldens = goldens
        return try reader.readChecks(YAMLValue.parse(expect, file: "expect of \(operation)"), operation: operation)
    }
}
