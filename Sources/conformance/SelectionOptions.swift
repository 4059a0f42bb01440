import ArgumentParser

/// `--filter`, shared by the commands that pick cases of the catalog.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Only cases whose id matches this glob, or whose operation or requirement is this name (repeatable).")
    var filter: [String] = []

    func validate() throws {
        if let empty = filter.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--filter number \(empty + 1) is empty; give a case id glob or an operation name")
        }
    }
}
