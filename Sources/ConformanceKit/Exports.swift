// The catalog and the results model live in their own modules; users of ConformanceKit (the runner) get them with it.
@_exported import ConformanceCatalog
@_exported import ConformanceReport
