/// Which cases a run set out to judge, so that `conformance merge` can prove that its shards make up one run.
public struct RunSelection: Sendable, Hashable, Codable {
    /// One shard of a sharded run: `index` of `count` (`run --shard index/count`).
    public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
        public var index: Int
        public var count: Int

        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        public var description: String { "\(index)/\(count)" }
    }

    /// The `--filter` patterns (case id globs, operations, requirement ids); empty: the whole catalog.
    public var filters: [String]
    /// The `--media-type` choices; empty: every media type of the profile.
    public var mediaTypes: [String]
    /// The shard this run is; nil for a run of the whole selection (or a merged report).
    public var shard: Shard?
    /// What a merged report lacks (`merge --allow-partial`): shards and cases that no report held.
    public var missing: [String]?

    public init(filters: [String], mediaTypes: [String], shard: Shard?) {
        self.filters = filters
        self.mediaTypes = mediaTypes
        self.shard = shard
    }

    /// The selection without its shard: what every shard of one run shares.
    var whole: RunSelection { RunSelection(filters: filters, mediaTypes: mediaTypes, shard: nil) }
}
