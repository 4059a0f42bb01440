import ConformanceJSON

extension BayeuxMessage {
    /// Parses a reply body: a JSON array of messages or a single object; throws a clear error otherwise.
    public static func parseBatch(_ bytes: some Collection<UInt8>) throws(BayeuxReplyError) -> [BayeuxMessage] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw BayeuxReplyError(.notJSON(error, body: BayeuxReplyError.excerpt(of: bytes)))
        }
        switch value {
        case .object(let object):
            return [BayeuxMessage(object)]
        case .array(let elements):
            var messages: [BayeuxMessage] = []
            messages.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard case .object(let object) = element else {
                    throw BayeuxReplyError(.notAMessage(index: index, found: element.abbreviated(limit: 120)))
                }
                messages.append(BayeuxMessage(object))
            }
            return messages
        default:
            throw BayeuxReplyError(.notABatch(found: value.abbreviated(limit: 120)))
        }
    }

    /// The request body for a batch: a JSON array of the messages, in order.
    public static func encodeBatch(_ messages: [BayeuxMessage]) -> String {
        JSONValue.array(messages.map { .object($0.json) }).compactText
    }
}
