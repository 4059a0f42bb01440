/// Random alphanumeric strings for passwords, client ids and interaction ids.
enum RandomIdentifier {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func make(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
    }

    /// A 16-character interaction id shaped like the document's sample (`00009a8T8Y130123`):
    /// a zero-padded counter, then random characters, so ids sort by creation and never repeat.
    static func interaction(serial: Int) -> String {
        let counter = String(serial, radix: 36)
        let padded = String(repeating: "0", count: max(0, 6 - counter.count)) + counter
        return padded + make(length: 16 - padded.count)
    }
}
