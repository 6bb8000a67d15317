import Foundation

extension Simulator {
    /// Yields the run's events one by one, in non-decreasing `timestamp` order.
    public struct Iterator: IteratorProtocol, Sendable {
        private let factory: EventFactory
        private var rng: SimulationRandom
        /// Seconds into the run of the last candidate arrival.
        private var clock = 0.0
        private var sequence: UInt64 = 0
        private var emitted = 0
        private var originals = 0
        private var lastTimestamp: Date
        private var upcoming: (offset: Double, kind: EventFactory.Kind)?
        private var arrivalsExhausted = false
        private var influencerPending: Bool
        /// Redeliveries waiting to be re-sent after `due` more original events.
        private var redeliveries: [(event: SimulatedEvent, due: Int)] = []
        private let boundRate: Double
        private let duplicateOdds: Double

        init(factory: EventFactory) {
            self.factory = factory
            let config = factory.config
            rng = SimulationRandom(seed: config.seed)
            lastTimestamp = config.start
            influencerPending = factory.influencerOffset.map { $0 >= 0 && $0 <= config.duration } ?? false
            // Thinning bound: the highest instantaneous rate anywhere in the run.
            boundRate = config.rate * factory.seasonality.maximum * (1 + factory.incidentExtra)
            // Share d of all events are duplicates ⇔ each original is redelivered with odds d / (1 − d).
            let share = Swift.min(0.9, Swift.max(0, config.duplicateShare))
            duplicateOdds = share / (1 - share)
        }

        /// The next event, or nil at the end of the run.
        public mutating func next() -> SimulatedEvent? {
            if let cap = factory.config.maxEvents, emitted >= cap { return nil }
            if let first = redeliveries.first, first.due <= originals {
                redeliveries.removeFirst()
                return emitDuplicate(of: first.event)
            }
            if upcoming == nil && !arrivalsExhausted {
                upcoming = nextArrival()
                arrivalsExhausted = upcoming == nil
            }
            if influencerPending, let offset = factory.influencerOffset,
                offset <= upcoming?.offset ?? .infinity
            {
                influencerPending = false
                return emitOriginal(.influencer, offset: offset)
            }
            if let arrival = upcoming {
                upcoming = nil
                return emitOriginal(arrival.kind, offset: arrival.offset)
            }
            // The run is over: send what is still owed, so every scheduled redelivery happens.
            if !redeliveries.isEmpty { return emitDuplicate(of: redeliveries.removeFirst().event) }
            return nil
        }

        /// Non-homogeneous Poisson arrivals by thinning (Lewis–Shedler): candidates at the bound rate, each kept
        /// with probability λ(t) / bound, where λ = rate × seasonality × (1 + incident extra).
        private mutating func nextArrival() -> (offset: Double, kind: EventFactory.Kind)? {
            let config = factory.config
            guard config.rate > 0, boundRate > 0 else { return nil }
            let base = config.start.timeIntervalSince1970
            while true {
                clock += rng.exponential(rate: boundRate)
                guard clock <= config.duration else { return nil }
                let seasonal = factory.seasonality.factor(at: base + clock)
                let extra = factory.incidentIntensity(at: clock)
                let intensity = config.rate * seasonal * (1 + extra)
                let u = rng.unit() * boundRate
                guard u < intensity else { continue }
                // Split the accepted arrival between the baseline and the incident in proportion to their rates.
                let isIncident = u < config.rate * seasonal * extra
                return (clock, isIncident ? .incident : .baseline)
            }
        }

        private mutating func emitOriginal(_ kind: EventFactory.Kind, offset: Double) -> SimulatedEvent {
            sequence += 1
            originals += 1
            emitted += 1
            let event = factory.event(kind, offset: offset, sequence: sequence, &rng)
            lastTimestamp = event.timestamp
            if duplicateOdds > 0 {
                var odds = duplicateOdds
                // Odds above 1 mean more than one redelivery per original on average.
                while odds > 0, rng.chance(Swift.min(1, odds)) {
                    redeliveries.append((event, originals + 1 + rng.below(40)))
                    odds -= 1
                }
            }
            return event
        }

        private mutating func emitDuplicate(of original: SimulatedEvent) -> SimulatedEvent {
            emitted += 1
            var copy = original
            copy.timestamp = lastTimestamp
            copy.truth.isDuplicate = true
            return copy
        }
    }
}
