import Foundation

extension String.UTF8View {
    var base64: String { Data(self).base64EncodedString() }
}
