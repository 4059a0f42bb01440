import Foundation

/// Renders one kind of report (a run, the difference between two runs) in one format.
public protocol ReportRenderer<Subject>: Sendable {
    associatedtype Subject: Sendable
    func render(_ subject: Subject) throws -> Data
}

/// A renderer made of a function, for the text formats (JUnit, HTML, Markdown).
public struct TextRenderer<Subject: Sendable>: ReportRenderer {
    let text: @Sendable (Subject) -> String

    public init(_ text: @escaping @Sendable (Subject) -> String) {
        self.text = text
    }

    public func render(_ subject: Subject) throws -> Data { Data(text(subject).utf8) }
}

/// The JSON form of a report: sorted keys, `/` not escaped, two-space indentation, a final line break.
public struct JSONRenderer<Subject: Encodable & Sendable>: ReportRenderer {
    public init() {}

    public func render(_ subject: Subject) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(subject) + Data("\n".utf8)
    }
}
