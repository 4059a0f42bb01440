import Testing

/// How the hostile target misbehaves on `/api/v2/...` (the fixtures and, except in `holdLongPoll`, Bayeux work).
enum HostileMode: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Never answers; keeps the connection open.
    case silent
    /// 200 `text/html` `<html>oops</html>`.
    case notJSON
    /// 200 `application/json` `{"status":"` 0xFF `"}`.
    case invalidUTF8
    /// 200 announcing 32 MiB, streamed in 64 KiB chunks while the peer reads.
    case huge
    /// Like `huge` but chunked, with no `Content-Length`: only counting what arrives can stop it.
    case hugeChunked
    /// Closes the connection as soon as a request head arrives.
    case reset
    /// 200 with 100,000 `[` then 100,000 `]`.
    case deepNesting
    /// 200 announcing 100 bytes, then one byte a second.
    case drip
    /// REST answers normally; `/meta/connect` is never answered.
    case holdLongPoll

    /// The modes a whole run is tried against (`hugeChunked` is for `TargetClient` alone).
    static let runModes: [HostileMode] = [
        .silent, .notJSON, .invalidUTF8, .huge, .reset, .deepNesting, .drip, .holdLongPoll,
    ]

    var testDescription: String { rawValue }
}
