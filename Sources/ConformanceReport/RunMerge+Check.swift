import Foundation

extension RunMerge {
    /// One report to merge, named by the file it came from.
    public struct Shard: Sendable {
        public var path: String
        public var run: RunResult

        public init(path: String, run: RunResult) {
            self.path = path
            self.run = run
        }
    }

    /// Why a set of reports is not the shards of one run.
    public struct Problems: Sendable, Hashable {
        /// What makes the merge meaningless: reports of different catalogs, targets or selections, a shard given
        /// twice, a case in two reports. `merge` refuses these with exit 2.
        public var refusals: [String] = []
        /// What only makes the merged report partial: a missing shard, selected cases no report holds. `merge`
        /// refuses these too, unless `--allow-partial`, which writes `complete: false` naming them.
        public var gaps: [String] = []

        public var isEmpty: Bool { refusals.isEmpty && gaps.isEmpty }
    }

    /// Checks that `shards` are the shards of one run of the catalog whose digest is `catalogDigest`, and that
    /// together they hold every case of `selected` (the ids the shards' shared selection picks from that catalog;
    /// nil when it cannot be worked out).
    public static func check(
        _ shards: [Shard], catalogDigest: String?, selected: (RunSelection) -> [String]?
    ) -> Problems {
        var problems = Problems()
        guard let first = shards.first else { return problems }
        let short = { (digest: String?) in digest.map { String($0.prefix(12)) } ?? "(none)" }
        for shard in shards where shard.run.suite.catalogDigest != first.run.suite.catalogDigest {
            problems.refusals.append(
                "\(shard.path) ran catalog \(short(shard.run.suite.catalogDigest)), \(first.path) ran "
                    + "\(short(first.run.suite.catalogDigest)): shards of different catalogs are not one run")
        }
        if problems.refusals.isEmpty, let digest = first.run.suite.catalogDigest, digest != catalogDigest {
            problems.refusals.append(
                "the shards ran catalog \(short(digest)), this suite's is \(short(catalogDigest)): merge with the "
                    + "suite (or --catalog DIR) that ran them, whose catalog orders and selects the cases")
        }
        for shard in shards where identity(shard.run.target) != identity(first.run.target) {
            problems.refusals.append(
                "\(shard.path) certified \(shard.run.target.name) at \(shard.run.target.baseURL), \(first.path) "
                    + "certified \(first.run.target.name) at \(first.run.target.baseURL): shards of different targets "
                    + "are not one run")
        }
        let unrecorded = shards.filter { $0.run.selection == nil }
        for shard in unrecorded {
            problems.gaps.append("\(shard.path) does not record which shard it is (written by an older suite)")
        }
        let recorded = shards.filter { $0.run.selection != nil }
        guard let reference = recorded.first, let selection = reference.run.selection else {
            return problems
        }
        for shard in recorded where shard.run.selection?.whole != selection.whole {
            problems.refusals.append(
                "\(shard.path) selected \(describe(shard.run.selection!)), \(reference.path) selected "
                    + "\(describe(selection)): shards of different selections are not one run")
        }
        let count = selection.shard?.count ?? 1
        for shard in recorded where (shard.run.selection?.shard?.count ?? 1) != count {
            problems.refusals.append(
                "\(shard.path) is shard \(shard.run.selection?.shard?.description ?? "1/1"), "
                    + "\(reference.path) is shard \(selection.shard?.description ?? "1/1"): "
                    + "the shards of one run share their n")
        }
        var byIndex: [Int: String] = [:]
        for shard in recorded {
            let index = shard.run.selection?.shard?.index ?? 1
            if let earlier = byIndex[index] {
                problems.refusals.append("\(shard.path) and \(earlier) are both shard \(index)/\(count)")
            } else {
                byIndex[index] = shard.path
            }
        }
        var holder: [String: String] = [:]
        for shard in shards {
            for result in shard.run.cases {
                if let earlier = holder[result.id], earlier != shard.path {
                    problems.refusals.append("case \(result.id) is in both \(earlier) and \(shard.path)")
                } else {
                    holder[result.id] = shard.path
                }
            }
        }
        guard problems.refusals.isEmpty, unrecorded.isEmpty else { return problems }
        let absent = (1...count).filter { byIndex[$0] == nil }
        if !absent.isEmpty {
            problems.gaps.append(
                (absent.count == 1 ? "shard " : "shards ") + absent.map { "\($0)/\(count)" }.joined(separator: ", "))
        }
        if let expected = selected(selection) {
            let lacking = expected.filter { holder[$0] == nil }
            if !lacking.isEmpty, absent.isEmpty, shards.allSatisfy(\.run.complete) {
                problems.gaps.append(
                    "\(lacking.count) selected case\(lacking.count == 1 ? "" : "s") no shard ran ("
                        + lacking.prefix(5).joined(separator: ", ") + (lacking.count > 5 ? ", …" : "") + ")")
            }
        }
        return problems
    }

    private static func describe(_ selection: RunSelection) -> String {
        var parts: [String] = []
        parts.append(selection.filters.isEmpty ? "every case" : "--filter " + selection.filters.joined(separator: " "))
        if !selection.mediaTypes.isEmpty { parts.append("--media-type " + selection.mediaTypes.joined(separator: " ")) }
        return parts.joined(separator: ", ")
    }

    /// A target as shards must share it: its name and base URL, where a loopback port does not count (an embedded
    /// or `serve --port 0` server listens on a fresh port for each shard).
    static func identity(_ target: RunResult.Target) -> String {
        guard var url = URLComponents(string: target.baseURL),
            ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host ?? "")
        else { return target.name + "\n" + target.baseURL }
        url.port = nil
        return target.name + "\n" + (url.string ?? target.baseURL)
    }
}
