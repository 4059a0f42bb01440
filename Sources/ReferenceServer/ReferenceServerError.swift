/// Why a reference server could not run.
public struct ReferenceServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
