/// Why the pipeline refused work. Callers map these to HTTP statuses / CLI messages.
public enum IngestError: Error, Sendable, Equatable {
    /// Too much is already waiting to be stored: retry after the given seconds.
    case saturated(retryAfterSeconds: Int)
    /// The pipeline is shutting down.
    case shuttingDown
}
