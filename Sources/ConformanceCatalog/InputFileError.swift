/// A problem in a file the user gave us (target profile, catalog, golden, baseline): where it is and what to fix.
public struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// What is wrong and, where possible, what would be right.
    public var message: String

    /// Further problems found in the same pass (a catalog load reports all of them at once).
    public var others: [InputFileError] = []

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// This problem and the others found with it, one per problem.
    public var all: [InputFileError] {
        var first = self
        first.others = []
        return [first] + others.flatMap(\.all)
    }

    /// `file:line: message`; with further problems, one line each after a count.
    public var description: String {
        let lines = all.map { "\($0.file)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
        guard lines.count > 1 else { return lines[0] }
        return "\(lines.count) problems:\n  " + lines.joined(separator: "\n  ")
    }
}
