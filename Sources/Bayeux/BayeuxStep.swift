/// One kind of request of the Bayeux client.
public enum BayeuxStep: String, Sendable, Hashable, CustomStringConvertible {
    case handshake, subscribe, connect, disconnect

    public var description: String { rawValue }
}
