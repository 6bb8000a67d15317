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
        _ = try await DemoKnowledgeBase.seed(desk.knowledgeBase, by: supervisor)
        return password
    }
}
