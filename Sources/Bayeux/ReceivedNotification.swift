import ConformanceJSON

/// A message delivered on a subscribed channel.
public struct ReceivedNotification: Sendable, Hashable {
    /// Position in the inbox, from 0, in order of arrival.
    public var index: Int
    /// The channel as the server wrote it.
    public var channel: String
    /// The message's `data` (`null` when it has none).
    public var data: JSONValue
    /// The whole message.
    public var message: JSONObject
    public var receivedAt: ContinuousClock.Instant

    public init(index: Int, channel: String, data: JSONValue, message: JSONObject, receivedAt: ContinuousClock.Instant)
    {
        self.index = index
        self.channel = channel
        self.data = data
        self.message = message
        self.receivedAt = receivedAt
    }
}
