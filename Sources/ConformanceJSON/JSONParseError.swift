/// Why a text is not the JSON it claims to be, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset of the problem in the input.
    public var offset: Int
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in bytes) of the problem.
    public var column: Int
    /// What is wrong, in words.
    public var reason: String

    public var description: String { "invalid JSON at line \(line), column \(column): \(reason)" }
}
