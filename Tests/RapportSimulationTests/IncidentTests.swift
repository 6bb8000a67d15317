import Foundation
import RapportSimulation
import Testing

@Suite("Injected incident")
struct IncidentTests {
    static let incident = Incident(
        brand: "@Globex", topicWords: ["outage"], start: 3600, duration: 1800, volumeMultiplier: 5, negativeShare: 0.9,
        influencerDelay: 300)
    static let config = SimulationConfig(seed: 31, rate: 6, duration: 3 * 3600, seasonality: 0, incident: incident)
    static let events = SimulationTestSupport.run(config)

    private func window(_ event: SimulatedEvent) -> Int {
        let offset = event.timestamp.timeIntervalSince(Self.config.start)
        return Self.incident.contains(offset: offset) ? 1 : (offset < Self.incident.start ? 0 : 2)
    }

    @Test func volumeRisesOnlyInsideTheWindow() {
        let globex = Self.events.filter { $0.truth.brand == "Globex Telecom" }
        let counts = (0..<3).map { part in Double(globex.filter { window($0) == part }.count) }
        // Before: 1 h, inside: 0.5 h, after: 1.5 h → per-hour rates.
        let before = counts[0] / 1
        let inside = counts[1] / 0.5
        let after = counts[2] / 1.5
        #expect(inside > 4 * before && inside < 6 * before)
        #expect(abs(after - before) < 0.25 * before)
        #expect(Self.events.filter(\.truth.isIncident).allSatisfy { window($0) == 1 })
    }

    @Test func negativeShareRisesOnlyInsideTheWindow() {
        func negativeShare(_ part: Int) -> Double {
            let posts = Self.events.filter { $0.truth.brand == "Globex Telecom" && window($0) == part }
            return Double(posts.filter { $0.truth.sentiment == .negative }.count) / Double(posts.count)
        }
        #expect(negativeShare(1) > 0.7)
        #expect(negativeShare(0) < 0.45)
        #expect(negativeShare(2) < 0.45)
    }

    @Test func otherBrandsAreUntouched() {
        let acme = Self.events.filter { $0.truth.brand == "Acme Mobile" }
        let inside = Double(acme.filter { window($0) == 1 }.count) / 0.5
        let before = Double(acme.filter { window($0) == 0 }.count)
        #expect(abs(inside - before) < 0.2 * before)
    }

    @Test func incidentPostsUseTheTopicAndTheInfluencerJoins() throws {
        let posts = Self.events.filter(\.truth.isIncident)
        #expect(posts.allSatisfy { $0.truth.topic == "outage" })
        #expect(posts.filter { $0.payload.lowercased().contains("outage") }.count == posts.count)
        let found = posts.first(where: \.truth.isInfluencer)
        let influencer = try #require(found)
        #expect(influencer.format == "x")
        #expect(influencer.timestamp == Self.config.start.addingTimeInterval(3900))
        #expect(influencer.truth.authorFollowers == 2_450_000)
        #expect(posts.filter(\.truth.isInfluencer).count == 1)
    }
}
