/// Escaping text for the HTML and XML reports: the special characters become entities and the characters the
/// format cannot carry are dropped.
enum MarkupEscaping {
    enum Dialect {
        /// HTML element content and quoted attribute values; controls other than tab and line breaks dropped
        /// (HTML treats them as parse errors).
        case html
        /// XML 1.0 element content; controls other than tab, line feed and carriage return dropped, and U+FFFE,
        /// U+FFFF.
        case xml
        /// XML 1.0 attribute values: as `xml`, and tab and line feed become character references so that
        /// attribute normalisation keeps them.
        case xmlAttribute
    }

    static func escape(_ text: String, for dialect: Dialect) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        let html = dialect == .html
        let attribute = dialect == .xmlAttribute
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += html ? "&#39;" : "&apos;"
            case "\t": escaped += attribute ? "&#9;" : "\t"
            case "\n": escaped += attribute ? "&#10;" : "\n"
            case "\r": escaped += html ? "\r" : "&#13;"
            case "\u{0}"..."\u{1F}": continue
            case "\u{7F}" where html: continue
            case "\u{FFFE}", "\u{FFFF}": if html { escaped.unicodeScalars.append(scalar) }
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
