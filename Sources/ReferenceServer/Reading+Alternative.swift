extension Reading {
    /// One way of reading an open point: its name (the `ALTERNATIVE` of `--reading NAME=ALTERNATIVE`) and what the
    /// server then does.
    public struct Alternative: Sendable, Hashable {
        public var name: String
        /// What the server does under this alternative, in one line.
        public var summary: String

        public init(name: String, summary: String) {
            self.name = name
            self.summary = summary
        }
    }
}
