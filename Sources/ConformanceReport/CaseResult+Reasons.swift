extension CaseResult {
    /// The ids of `cases` grouped by `reason` (cases without one are left out), in order of each reason's first case.
    public static func grouped(_ cases: [CaseResult], by reason: (CaseResult) -> String?)
        -> [(reason: String, cases: [String])]
    {
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for result in cases {
            guard let key = reason(result) else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(result.id)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }
}
