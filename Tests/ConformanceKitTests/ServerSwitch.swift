import ReferenceServer

/// The reference server's deviation switches, named apart from the suite's `Deviation` (a finding).
typealias ServerSwitch = Deviation
