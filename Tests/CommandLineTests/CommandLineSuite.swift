import Testing

/// Every test that runs the `conformance` binary, one at a time: each run is a process with threads of its own,
/// and many at once beside the in-process suites would starve the machine (2 cores in CI) enough to break the
/// timing bounds of unrelated tests.
@Suite(.serialized) enum CommandLineSuite {}
