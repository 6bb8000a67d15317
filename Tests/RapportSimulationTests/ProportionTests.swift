import Foundation
import RapportSimulation
import Testing

@Suite("Proportions, authors and seasonality")
struct ProportionTests {
    static let events = SimulationTestSupport.run(SimulationConfig(seed: 21, rate: 20, duration: 1200, seasonality: 0))

    @Test func networksFollowTheMix() {
        let events = Self.events
        let total = Double(events.count)
        for (network, share) in SimulatedNetwork.defaultMix {
            let observed = Double(events.filter { $0.truth.network == network }.count) / total
            #expect(abs(observed - share) < 0.015, "\(network): \(observed) vs \(share)")
        }
        let x = events.filter { $0.truth.network == .x }.count
        #expect(SimulatedNetwork.allCases.allSatisfy { n in events.filter { $0.truth.network == n }.count <= x })
    }

    @Test func mostOfThePublicFireHoseIsOffTopic() {
        let publicEvents = Self.events.filter { !$0.truth.network.isOwnedChannel }
        let noBrand = publicEvents.filter { $0.truth.brand == nil }
        let share = Double(noBrand.count) / Double(publicEvents.count)
        // 60 % chatter, plus brand words in another sense.
        #expect(share > 0.6 && share < 0.7)
        #expect(Self.events.filter(\.truth.network.isOwnedChannel).allSatisfy { $0.truth.brand == "Acme Mobile" })
    }

    @Test func languagesAreMostlyEnglish() {
        let complaints = Self.events.filter { $0.truth.intent == .complaint && !$0.truth.isIncident }
        let english = Double(complaints.filter { $0.truth.language == "en" }.count) / Double(complaints.count)
        #expect(abs(english - 0.8) < 0.04)
        #expect(Set(complaints.map(\.truth.language)) == ["en", "es", "fr", "de", "pt", "it", "nl"])
    }

    @Test func ownBrandLeadsTheConversation() {
        let brands = Dictionary(grouping: Self.events.compactMap(\.truth.brand), by: { $0 }).mapValues(\.count)
        #expect(brands.count == 6)
        #expect(brands["Acme Mobile"] == brands.values.max())
    }

    @Test func followersAreHeavyTailed() {
        // The whole pool: most people have tens to hundreds of followers, a few have millions.
        let simulator = Simulator(SimulationConfig(seed: 21, authorPoolSize: 200_000))
        let followers = (0..<200_000).map { simulator.author(index: $0, on: .x).followers }.sorted(by: >)
        let total = Double(followers.reduce(0, +))
        let top = Double(followers.prefix(followers.count / 100).reduce(0, +))
        #expect(top / total >= 0.4, "top 1 % hold \(top / total)")
        let median = followers[followers.count / 2]
        #expect(median >= 20 && median <= 200)
        #expect(followers[0] >= 1_000_000)
        #expect(followers.filter { $0 >= 100_000 }.count >= 10)
    }

    @Test func authorsRecur() {
        let people = Self.events.map(\.truth.authorIndex)
        #expect(Set(people).count < people.count * 9 / 10)
    }

    @Test func verifiedCorrelatesWithFollowers() {
        let simulator = Simulator(SimulationConfig(seed: 21, authorPoolSize: 200_000))
        var big = (verified: 0, total: 0)
        var small = (verified: 0, total: 0)
        for index in 0..<200_000 {
            let author = simulator.author(index: index, on: .x)
            if author.followers > 100_000 {
                big.total += 1
                big.verified += author.verified ? 1 : 0
            } else if author.followers < 1000 {
                small.total += 1
                small.verified += author.verified ? 1 : 0
            }
        }
        #expect(big.total > 0 && small.total > 0)
        #expect(Double(big.verified) / Double(big.total) > 0.3)
        #expect(Double(small.verified) / Double(small.total) < 0.01)
    }

    @Test func payloadAuthorsMatchThePool() {
        let simulator = Simulator(SimulationConfig(seed: 21, rate: 20, duration: 1200, seasonality: 0))
        for event in Self.events.prefix(2000) where event.truth.network == .x {
            let user = SimulationTestSupport.value(SimulationTestSupport.json(event.payload), ["includes", "users", 0])
            let author = simulator.author(index: event.truth.authorIndex, on: .x)
            #expect((user as? [String: Any])?["username"] as? String == author.handle)
            #expect((user as? [String: Any])?["verified"] as? Bool == author.verified)
        }
    }

    @Test func daytimeIsBusierThanNight() {
        // A whole day: count posts between 02:00–05:00 and 17:00–20:00 UTC.
        let config = SimulationConfig(seed: 9, rate: 0.3, duration: 86_400)
        var night = 0
        var evening = 0
        for event in Simulator(config) {
            let hour = Int(event.timestamp.timeIntervalSince(config.start)) / 3600
            if (2..<5).contains(hour) { night += 1 }
            if (17..<20).contains(hour) { evening += 1 }
        }
        #expect(evening > 4 * night)
    }
}
