import Foundation
import RapportCore
import RapportDesk
import RapportServer
import RapportSimulation
import RapportStore

/// The demo's experience history: customers who answered NPS and CSAT surveys over the last six months, and
/// their orders before and after. Satisfaction drives later buying (more orders, slightly larger baskets for
/// happier customers, plus noise), so `/dashboard` and `/insight/revenue` compute their figures from rows
/// generated with a relationship — nothing here is a result.
enum DemoExperience {
    static let customers = 480
    static let days = 180.0

    /// Seeds once: does nothing when orders already exist.
    static func seed(_ services: RapportServices, now: Date = Date()) async throws {
        let database = services.database
        let orders = OrderStore(database: database)
        guard try await orders.orders(start: .distantPast, end: .distantFuture, limit: 1).isEmpty else { return }
        let writer = ExperienceSeedWriter(database: database)
        let teams = try await services.desk.teams.all()
        var agents: [Int64] = []
        var agentNames: [String] = []
        for email in ["agent@rapport.demo", "agent.es@rapport.demo", "supervisor@rapport.demo"] {
            if let found = try await services.desk.users.credentials(email: email) {
                agents.append(found.user.id)
                agentNames.append(found.user.name)
            }
        }
        let complaints = [
            "My bill is wrong again, this is really frustrating.", "The app keeps crashing, terrible.",
            "No signal at home for two days, awful.", "I was charged twice, not happy.",
        ]
        var random = SplitMix64(state: 20_251_123)
        func unit() -> Double { Double.random(in: 0..<1, using: &random) }
        func normal() -> Double { (-2 * log(max(unit(), 1e-12))).squareRoot() * cos(2 * .pi * unit()) }
        let networks = ["email", "x", "facebook", "webchat", "instagram"]
        let start = now.addingTimeInterval(-days * 86_400)
        var newOrders: [NewOrder] = []
        for i in 0..<customers {
            let joined = start.addingTimeInterval(-unit() * 90 * 86_400)
            let id = try await writer.customer(
                name: "Demo Customer \(i + 1)", email: "customer\(i + 1)@example.com", at: joined)
            // Latent satisfaction; teams and agents differ a little, so the breakdowns differ too.
            let teamIndex = teams.isEmpty ? nil : Int(unit() * Double(teams.count))
            let agentIndex = agents.isEmpty ? nil : Int(unit() * Double(agents.count))
            let lift = Double(teamIndex ?? 0) * 0.4 + Double(agentIndex ?? 0) * 0.3
            let latent = 7 + lift + 2.2 * normal()
            let nps = min(10, max(0, Int(latent.rounded())))
            let csat = min(5, max(1, Int((1 + latent / 2.5 + 0.6 * normal()).rounded())))
            let answeredAt = start.addingTimeInterval(unit() * days * 86_400)
            let network = networks[Int(unit() * Double(networks.count))]
            let team = teamIndex.map { teams[$0].id.rawValue }
            let agent = agentIndex.map { agents[$0] }
            _ = try await writer.answeredSurvey(
                kind: .nps, score: nps, customerID: id, network: network, teamID: team, agentID: agent,
                sentAt: answeredAt.addingTimeInterval(-3_600), answeredAt: answeredAt)
            if unit() < 0.75 {
                let csatAt = answeredAt.addingTimeInterval(-unit() * 2 * 86_400)
                _ = try await writer.answeredSurvey(
                    kind: .csat, score: csat, customerID: id, network: network, teamID: team, agentID: agent,
                    sentAt: csatAt.addingTimeInterval(-1_800), answeredAt: csatAt)
            }
            // Three in five wrote to the desk a few days before answering: upset at first, and after the agent's
            // reply as content as their satisfaction.
            if let agentIndex, unit() < 0.6 {
                let opened = answeredAt.addingTimeInterval(-(1 + unit() * 4) * 86_400)
                var after = max(-0.95, min(0.95, tanh((latent - 6) / 2.5) * 0.8 + 0.15 * normal()))
                // A lukewarm answer is a plain "OK.", which the analyser scores 0.
                if abs(after) < 0.2 { after = 0 }
                _ = try await writer.resolvedConversation(
                    customerID: id, customerName: "Demo Customer \(i + 1)",
                    network: Network(rawValue: network) ?? .email, teamID: team,
                    agent: (agents[agentIndex], agentNames[agentIndex]),
                    messages: [
                        .init(
                            fromCustomer: true, text: complaints[i % complaints.count],
                            sentiment: -0.2 - 0.6 * unit(), at: opened),
                        .init(
                            fromCustomer: false, text: "Sorry about this — I have fixed it on your account.",
                            at: opened.addingTimeInterval(1_800 + unit() * 3_600)),
                        .init(
                            fromCustomer: true,
                            text: after > 0.05
                                ? "Thanks, that works now!"
                                : (after < -0.05 ? "Still not right, this is poor." : "OK."),
                            sentiment: after, at: opened.addingTimeInterval(7_200 + unit() * 7_200)),
                    ])
            }
            // Orders: a base rate before the answer; after it, the rate and basket grow with satisfaction (the
            // wait is drawn again from the answer, so the new rate applies from then on).
            var t = start
            var n = 0
            while true {
                let after = t >= answeredAt
                let perMonth = after ? 0.15 + 0.11 * Double(nps) : 0.6
                let next = t.addingTimeInterval(-log(max(unit(), 1e-12)) / perMonth * 30 * 86_400)
                if !after, next >= answeredAt {
                    t = answeredAt
                    continue
                }
                guard next < now else { break }
                t = next
                let basket = max(5, 35 + (after ? 3 * Double(nps) : 15) + 18 * normal())
                n += 1
                newOrders.append(
                    NewOrder(
                        customer: .id(id), orderID: "DEMO-\(i + 1)-\(n)", orderedAt: t,
                        amount: (basket * 100).rounded() / 100, currency: "EUR"))
            }
        }
        _ = try await orders.record(newOrders)
    }
}
