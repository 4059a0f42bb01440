import ConformanceCatalog
import ConformanceJSON
import ConformanceKit
import ConformanceReport

extension CaseExecution {
    /// The case's interactions (their ids) and the agents it holds: what a snapshot reads.
    var snapshotScope: (ids: [String], roles: [String]) {
        let ids = interactionNames.compactMap { variables[$0 + ".id"]?.stringValue }
        let roles = testCase.roles.filter { $0.hasPrefix("agent") && Roles.account($0, in: profile) != nil }
        return (ids, roles.sorted())
    }

    /// Reads, all at once, what the case's agents can see of its interactions: each agent's
    /// `GET /me/interactions?fields=*` (what it handles), and `GET /interactions/{id}` for each interaction as the
    /// case's first agent (the interaction's own state, also where no agent lists it). Nil when the case has no
    /// interaction or no agent to read as.
    func readSnapshot() async -> StateSnapshot? {
        let (ids, roles) = snapshotScope
        guard !ids.isEmpty, let first = roles.first else { return nil }
        let reads = roles.map { ($0, "/me/interactions?fields=*") } + ids.map { (first, "/interactions/" + $0) }
        let client = self.client
        let profile = self.profile
        let volatile = Set(judge.catalog.volatileMembers)
        let views = await withTaskGroup(of: (Int, StateSnapshot.View).self) { group in
            for (index, (role, path)) in reads.enumerated() {
                group.addTask {
                    let label = "\(role): GET \(path)"
                    var headers: [(String, String)] = [("Accept", "application/json")]
                    let (account, authorization, _) = Credentials.role(role).authorization(in: profile)
                    if let authorization { headers.append(("Authorization", authorization)) }
                    do {
                        let answer = try await client.send(
                            method: "GET", url: profile.baseURL + path, headers: headers, body: nil,
                            cookiesOf: account?.username)
                        // A GET that is refused (any status, with the error body or a statusCode other than 0)
                        // shows that it is: an error body is no state (it may carry a request id or a time).
                        let shown: JSONValue =
                            switch answer.json {
                            case _ where Judge.isRefusal(answer) || answer.status / 100 != 2: .string("(refused)")
                            case .success(let json): StateSnapshot.reduce(json, ids: ids, volatile: volatile)
                            case .failure: .string(answer.bodySummary)
                            }
                        return (index, StateSnapshot.View(label: label, status: answer.status, shown: shown))
                    } catch {
                        return (index, StateSnapshot.View(label: label, status: nil, shown: .null))
                    }
                }
            }
            var views = [StateSnapshot.View?](repeating: nil, count: reads.count)
            for await (index, view) in group { views[index] = view }
            return views.compactMap { $0 }
        }
        return StateSnapshot(views: views)
    }

    /// Proves a refused request changed nothing its agents can see: any difference between the snapshots before
    /// and after it is a deviation of ERROR-NO-CHANGE, naming what changed (true then). The snapshot after it
    /// stands for the state until the next request that may change it.
    func proveUnchanged(since before: StateSnapshot, by request: SentRequest) async -> Bool {
        guard let after = await readSnapshot() else { return false }
        let changes = StateSnapshot.changes(from: before, to: after)
        snapshot = changes.isEmpty ? after : nil
        guard !changes.isEmpty else { return false }
        ledger.transcript.append(
            "snapshot after the refusal of \(request.method) \(request.path): \(changes.count) change(s)")
        ledger.record(
            changes.prefix(5).map { change in
                judge.deviation(
                    Self.unchangedRequirement, pointer: change.pointer, expected: change.before, actual: change.after,
                    message: "\(request.method) \(request.path) was refused, yet it changed what \(change.label) "
                        + "shows" + (change.pointer.isEmpty ? "" : " at \(change.pointer)")
                        + ": \(change.before) before, \(change.after) after", curl: request.curl)
            })
        return true
    }

    static let unchangedRequirement = CaseReader.unchangedRequirement
}
