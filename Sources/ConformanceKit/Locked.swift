import Foundation

/// A value shared across tasks behind a lock, for small tallies that callbacks update.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Reads or changes the value under the lock.
    @discardableResult
    public func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.withLock { body(&value) }
    }

    /// The current value.
    public var current: Value { withLock { $0 } }
}
