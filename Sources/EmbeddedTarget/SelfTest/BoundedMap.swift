/// Maps items through an async transform, at most `jobs` at a time, keeping the items' order in the result.
enum BoundedMap {
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item],
        jobs: Int,
        progress: @escaping @Sendable (Output) async -> Void = { _ in },
        _ transform: @escaping @Sendable (Item) async -> Output
    ) async -> [Output] {
        await withTaskGroup(of: (Int, Output).self) { group in
            var outputs = [Output?](repeating: nil, count: items.count)
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                next += 1
                group.addTask { (index, await transform(item)) }
            }
            for _ in 0..<max(1, jobs) { launch() }
            for await (index, output) in group {
                outputs[index] = output
                await progress(output)
                launch()
            }
            return outputs.compactMap { $0 }
        }
    }
}
