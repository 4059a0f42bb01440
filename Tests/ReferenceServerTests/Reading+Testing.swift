@testable import ReferenceServer

extension Readings {
    /// Every reading at its default but `reading`, at `alternative`.
    init(_ reading: Reading, _ alternative: String) {
        self.init()
        self[reading] = alternative
    }
}

extension Reading {
    /// The names of the alternatives, the default first: the arguments of a test run under each.
    var alternativeNames: [String] { alternatives.map(\.name) }
}
