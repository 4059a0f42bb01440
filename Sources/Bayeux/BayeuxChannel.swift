/// A Bayeux channel name, compared segment by segment; a trailing slash does not make another channel.
///
/// The document writes the notification channel both as `/v2/me/interactions` and `/v2/me/interactions/`, so the
/// two are equal here.
public struct BayeuxChannel: Sendable, Hashable, CustomStringConvertible {
    /// The segments between slashes, without empty trailing segments.
    public let segments: [Substring]
    /// The name as written.
    public let name: String

    public init(_ name: String) {
        self.name = name
        var segments = name.split(separator: "/", omittingEmptySubsequences: false)
        if segments.first == "" { segments.removeFirst() }
        while segments.count > 1, segments.last == "" { segments.removeLast() }
        self.segments = segments
    }

    public var description: String { name }

    /// Whether this is a `/meta/*` channel.
    public var isMeta: Bool { segments.first == "meta" }

    /// Whether this is a wildcard pattern (`/a/*` or `/a/**`).
    public var isWildcard: Bool { segments.last == "*" || segments.last == "**" }

    /// Whether a message on `channel` is delivered to a subscription to this channel (or pattern).
    public func matches(_ channel: BayeuxChannel) -> Bool {
        switch segments.last {
        case "*":
            return channel.segments.count == segments.count
                && channel.segments.starts(with: segments.dropLast())
        case "**":
            return channel.segments.count >= segments.count
                && channel.segments.starts(with: segments.dropLast())
        default:
            return self == channel
        }
    }

    public static func == (lhs: BayeuxChannel, rhs: BayeuxChannel) -> Bool {
        lhs.segments == rhs.segments
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(segments)
    }
}
