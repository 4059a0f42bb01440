import ReferenceServer

/// The reference server's switches, named apart from the suite's `Deviation` (a finding).
typealias ServerDeviation = Deviation
