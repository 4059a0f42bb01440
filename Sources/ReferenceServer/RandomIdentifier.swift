/// Random alphanumeric strings for passwords, client ids and interaction ids.
enum RandomIdentifier {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    private static let upperCaseAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func make(length: Int, upperCase: Bool = false) -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = upperCase ? upperCaseAlphabet : alphabet
        return String((0..<length).map { _ in letters.randomElement(using: &generator) ?? "0" })
    }

    /// A 16-character interaction id shaped like the document's sample (`00009a8T8Y130123`):
    /// a zero-padded counter, then random characters, so ids sort by creation and never repeat.
    static func interaction(serial: Int) -> String {
        let counter = paddedCounter(serial)
        return counter + make(length: 16 - counter.count)
    }

    /// The variant's 24-character interaction id, `IX` and 22 upper-case alphanumerics: still the sample's
    /// "alpha-numeric-string", but neither its length nor its alphabet. The counter keeps ids unique.
    static func variantInteraction(serial: Int) -> String {
        let counter = paddedCounter(serial).uppercased()
        return "IX" + counter + make(length: 22 - counter.count, upperCase: true)
    }

    /// `serial` in base 36, zero-padded to at least 6 characters.
    private static func paddedCounter(_ serial: Int) -> String {
        let counter = String(serial, radix: 36)
        return String(repeating: "0", count: max(0, 6 - counter.count)) + counter
    }
}
