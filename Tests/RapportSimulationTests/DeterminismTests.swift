import Foundation
import RapportSimulation
import Testing

@Suite("Determinism and ordering")
struct DeterminismTests {
    @Test func sameSeedGivesSameEvents() {
        let config = SimulationConfig(
            seed: 11, rate: 5, duration: 600, duplicateShare: 0.05, incident: Incident(start: 100, duration: 200))
        let first = SimulationTestSupport.run(config)
        let second = SimulationTestSupport.run(config)
        #expect(first.count > 1000)
        #expect(first.map(\.payload) == second.map(\.payload))
        #expect(first.map(\.timestamp) == second.map(\.timestamp))
        #expect(first.map(\.truth) == second.map(\.truth))
    }

    @Test func differentSeedsDiffer() {
        let a = SimulationTestSupport.run(SimulationConfig(seed: 1, rate: 5, duration: 60))
        let b = SimulationTestSupport.run(SimulationConfig(seed: 2, rate: 5, duration: 60))
        #expect(a.map(\.payload) != b.map(\.payload))
        #expect(Set(a.map(\.truth.externalID)).isDisjoint(with: b.map(\.truth.externalID)))
    }

    @Test func timestampsAreOrderedAndInsideTheRun() {
        let config = SimulationConfig(
            seed: 3, rate: 10, duration: 900, duplicateShare: 0.1, incident: Incident(start: 300, duration: 300))
        let events = SimulationTestSupport.run(config)
        let end = config.start.addingTimeInterval(config.duration)
        #expect(!events.isEmpty)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(events.allSatisfy { $0.timestamp >= config.start && $0.timestamp <= end })
    }

    @Test func externalIDsAreUniqueExceptRedeliveries() {
        let events = SimulationTestSupport.run(SimulationConfig(seed: 4, rate: 20, duration: 600, duplicateShare: 0.1))
        let originals = events.filter { !$0.truth.isDuplicate }
        let keys = originals.map { $0.truth.network.rawValue + "/" + $0.truth.externalID }
        #expect(Set(keys).count == keys.count)
        let duplicates = events.filter(\.truth.isDuplicate)
        let share = Double(duplicates.count) / Double(events.count)
        #expect(abs(share - 0.1) < 0.02)
        let payloads = Set(originals.map(\.payload))
        #expect(duplicates.allSatisfy { payloads.contains($0.payload) })
    }

    @Test func maxEventsCapsTheRun() {
        let events = SimulationTestSupport.run(SimulationConfig(rate: 1000, duration: 86_400, maxEvents: 1234))
        #expect(events.count == 1234)
    }

    @Test func expectedCountMatchesTheRateAndSeasonality() {
        let config = SimulationConfig(seed: 5, rate: 0.3, duration: 86_400)
        let count = Double(SimulationTestSupport.run(config).count)
        let expected = Simulator(config).expectedPostCount
        #expect(abs(count - expected) < 4 * expected.squareRoot())
        #expect(abs(expected - 0.3 * 86_400) < 0.25 * 0.3 * 86_400)
    }
}
