import Foundation

/// How many body bytes the hostile target managed to hand to the kernel, across its connections.
final class StreamedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    var count: Int { lock.withLock { total } }

    func add(_ bytes: Int) {
        lock.withLock { total += bytes }
    }
}
