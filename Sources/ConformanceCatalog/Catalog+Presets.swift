extension Catalog {
    /// The checks of an `expect:` in the catalog's own terms (`success`, `[error, {refused: true, ...}]`,
    /// `{status: 200, requirement: R}`), read as a step of a case performing `operation` reads it: for judges
    /// outside a case, such as the explorer, with the catalog's presets, goldens, matchers and requirements.
    package func checks(_ expect: YAMLValue, operation: String) throws(InputFileError) -> [Check] {
        var reader = CaseReader(presets: presets, goldenRoot: goldenRoot, readings: readings)
        reader.goldens = goldens
        return try reader.readChecks(expect, operation: operation)
    }
}
