import Foundation

/// A deterministic, streaming synthetic social stream: iterate it to get `SimulatedEvent`s in timestamp order.
///
/// Nothing is materialised: the iterator keeps a few numbers and a short queue of pending redeliveries, so a
/// run of millions of events takes flat memory. Two iterations of the same simulator yield the same events.
///
/// ```swift
/// for event in Simulator(SimulationConfig(rate: 50, duration: 600)) {
///     print(event.format, event.payload)
/// }
/// ```
public struct Simulator: Sequence, Sendable {
    /// The run's configuration.
    public let config: SimulationConfig
    private let factory: EventFactory

    /// Prepares a run; tables are built once here and shared by every iterator.
    public init(_ config: SimulationConfig) {
        self.config = config
        factory = EventFactory(config: config)
    }

    /// A fresh iterator from the start of the run.
    public func makeIterator() -> Iterator {
        Iterator(factory: factory)
    }

    /// The recurring person at `index` (0..<authorPoolSize) as `network` shows them: the same id, handle, name
    /// and audience the run's payloads carry. Useful to answer profile look-ups (Jetstream carries no follower
    /// count) and to check the follower distribution.
    public func author(index: Int, on network: SimulatedNetwork) -> SimulatedAuthor {
        factory.pool.author(factory.pool.person(index), on: network)
    }

    /// The number of original (non-duplicate) posts the run is expected to produce, from the seasonal curve and
    /// the incident; useful for progress bars. The actual count is Poisson-distributed around it.
    public var expectedPostCount: Double {
        guard config.rate > 0, config.duration > 0 else { return 0 }
        let base = config.start.timeIntervalSince1970
        let steps = Int(Swift.min(100_000, Swift.max(1, config.duration / 60)))
        let step = config.duration / Double(steps)
        var total = 0.0
        for index in 0..<steps {
            let offset = (Double(index) + 0.5) * step
            total +=
                factory.seasonality.factor(at: base + offset) * (1 + factory.incidentIntensity(at: offset))
                * step
        }
        return total * config.rate
            + (factory.influencerOffset.map { $0 <= config.duration ? 1 : 0 } ?? 0)
    }
}
