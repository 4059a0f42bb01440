/// Why a session could not be opened: the step, the URL and what the server said.
public struct BayeuxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request that failed.
    public var step: BayeuxStep
    /// The endpoint URL.
    public var url: String
    /// What went wrong, with the server's reply when there was one.
    public var problem: String

    public init(step: BayeuxStep, url: String, problem: String) {
        self.step = step
        self.url = url
        self.problem = problem
    }

    public var description: String {
        "Bayeux \(step) at \(url) failed: \(problem)"
    }
}
