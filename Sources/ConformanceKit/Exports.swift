// The catalog and the results model live in their own modules; users of ConformanceKit (the runner) get them with it.
@_exported import ConformanceCatalog
@_exported import ConformanceReport

// The cookie jars a runner's client keeps are the Bayeux client's own.
@_exported import class Bayeux.CookieJars
