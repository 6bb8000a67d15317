import Foundation
import RapportAnalysis
import RapportDesk
import RapportServer
import RapportStore

/// The demo's desk: a user per role (fresh password each start), two teams, an SLA policy,
/// routing rules and canned replies, so the simulated stream lands on a working desk.
enum DemoDesk {
    static let users: [(email: String, name: String, role: Role, skills: [String])] = [
        ("admin@rapport.demo", "Ada Admin", .admin, []),
        ("supervisor@rapport.demo", "Sam Supervisor", .supervisor, ["language:en"]),
        ("agent@rapport.demo", "Alex Agent", .agent, ["language:en", "product:billing"]),
        ("agent.es@rapport.demo", "Bea Agente", .agent, ["language:es", "language:en"]),
        ("analyst@rapport.demo", "Ana Analyst", .analyst, []),
    ]

    /// Seeds what is missing and returns the demo password.
    static func seed(_ desk: DeskServices) async throws -> String {
        let password = "demo-" + String(APITokens.generate().prefix(10))
        let hash = try await Passwords.hash(password, cost: 10)
        var ids: [String: Int64] = [:]
        for spec in users {
            if let found = try await desk.users.credentials(email: spec.email) {
                try await desk.users.setPasswordHash(hash, userID: found.user.id, by: nil)
                ids[spec.email] = found.user.id
            } else {
                let user = try await desk.users.create(
                    email: spec.email, name: spec.name, role: spec.role, passwordHash: hash, skills: spec.skills)
                ids[spec.email] = user.id
            }
        }
        guard try await desk.teams.all().isEmpty else { return password }
        let supervisor = ids["supervisor@rapport.demo"]!
        let rapid = try await desk.teams.create(
            name: "Rapid response", strategy: .leastLoaded, supervisorID: supervisor,
            members: [supervisor, ids["agent@rapport.demo"]!])
        let care = try await desk.teams.create(
            name: "Social care", strategy: .roundRobin, supervisorID: supervisor,
            members: [ids["agent@rapport.demo"]!, ids["agent.es@rapport.demo"]!])
        let sla = try await desk.settings.addSLAPolicy(
            SLAPolicy(
                id: 0, name: "Standard",
                targets: [
                    SLATarget(firstResponse: 3_600, resolution: 86_400),
                    SLATarget(priority: .urgent, firstResponse: 900, resolution: 4 * 3_600),
                    SLATarget(priority: .high, firstResponse: 1_800, resolution: 8 * 3_600),
                ], usesBusinessHours: false))
        _ = try await desk.settings.addRoutingRule(
            RoutingRule(
                id: 0, name: "Urgent to rapid response", conditions: [.level(atLeast: .urgent)],
                actions: [.assignTeam(rapid.id), .setPriority(.urgent), .applySLA(sla.id), .tag("rapid-response")]))
        _ = try await desk.settings.addRoutingRule(
            RoutingRule(
                id: 0, name: "Churn threats are tagged", conditions: [.intent([.churnThreat], minimumConfidence: 0.5)],
                actions: [.tag("churn-risk")], continueAfterMatch: true))
        _ = try await desk.settings.addRoutingRule(
            RoutingRule(
                id: 0, name: "Everything else to social care", conditions: [],
                actions: [.assignTeam(care.id), .applySLA(sla.id)]))
        _ = try await desk.settings.addCannedReply(
            title: "Apology and DM",
            body:
                "Hi {{customer.first_name}}, I'm sorry about this. Could you send us a DM with your account number so we can look into it? – {{agent.first_name}}"
        )
        _ = try await desk.settings.addCannedReply(
            title: "Outage update",
            body:
                "Hi {{customer.first_name}}, we know about the outage in your area and engineers are on it. We'll update you here. – {{agent.first_name}}"
        )
        try await seedAnnouncements(desk, supervisor: supervisor, care: care.id.rawValue)
        _ = try await DemoKnowledgeBase.seed(desk.knowledgeBase, by: supervisor)
        return password
    }

    /// An announcement for the social care team, one for everyone, and the known incident the live stream's outage
    /// matches: its conversations link themselves to it as they arrive.
    static func seedAnnouncements(_ desk: DeskServices, supervisor: Int64, care: Int64) async throws {
        let store = AnnouncementStore(database: desk.database)
        _ = try await store.create(
            .init(
                kind: .announcement, title: "New goodwill policy",
                body:
                    "From today, agents may credit up to 20 EUR for a service failure without approval. Note it on the conversation.",
                teamIDs: [care]), by: supervisor, address: nil)
        _ = try await store.create(
            .init(
                kind: .announcement, title: "Desk hours over the holidays",
                body: "Rapid response stays 24/7; social care works 08:00–20:00 from 24 December to 2 January."),
            by: supervisor, address: nil)
        _ = try await store.create(
            .init(
                kind: .incident, title: "Acme Mobile network outage",
                body:
                    "Engineers are restoring the mobile network in several cities. Link affected customers here; we follow up when it is fixed.",
                query: #"outage OR "no signal" OR "network down""#,
                suggestedReply:
                    "We're sorry: there is a network outage in your area and our engineers are on it. We'll let you know here as soon as it is fixed."
            ),
            by: supervisor, address: nil)
    }
}
