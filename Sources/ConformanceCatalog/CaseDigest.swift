import ConformanceJSON
import Crypto
import Foundation

/// The SHA-256 digest of one case's definition: its operation, its YAML (as canonical JSON), and every preset
/// and golden it names, directly or through a preset. Two runs whose case digests match judged the case the same
/// way, even when other parts of the catalog changed.
package enum CaseDigest {
    package static func sha256(
        operation: String, node: YAMLValue, presets: [String: YAMLValue], goldens: [String: JSONValue]
    ) -> String {
        var hasher = SHA256()
        hasher.update(data: Data((operation + "\u{0}" + node.json.canonicalText + "\u{0}").utf8))
        var named: [String] = []
        var goldenPaths: [String] = []
        var pending = [node.json]
        while let value = pending.popLast() {
            switch value {
            case .string(let text):
                if let preset = presets[text], !named.contains(text) {
                    named.append(text)
                    pending.append(preset.json)
                }
            case .array(let elements):
                pending += elements
            case .object(let object):
                for member in object.members {
                    if member.key == "golden", let path = member.value.stringValue { goldenPaths.append(path) }
                    // A preset with an argument: `expect: {refused: NOT-OWNER-REFUSED}`.
                    if let preset = presets[member.key], !named.contains(member.key) {
                        named.append(member.key)
                        pending.append(preset.json)
                    }
                    pending.append(member.value)
                }
            default:
                break
            }
        }
        for name in named.sorted() {
            hasher.update(data: Data(("preset " + name + "\u{0}" + presets[name]!.json.canonicalText).utf8))
        }
        for path in Set(goldenPaths).sorted() {
            let text = goldens[path]?.canonicalText ?? "(missing)"
            hasher.update(data: Data(("golden " + path + "\u{0}" + text).utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
