import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportDesk
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Desk settings: people's skills and capacity, teams' members and hours")
struct DeskPeopleSettingsTests {
    @Test(
        "supervisors set skills, capacity and presence; admins set team members and business hours; bad input changes nothing",
        arguments: TestEngine.available)
    func peopleAndTeams(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let agentID = people[.agent]!.user.id
            let supervisor = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            func post(_ uri: String, _ body: String, as session: (cookie: String, csrf: String)) async throws
                -> TestResponse
            {
                try await client.execute(
                    uri: uri, method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie],
                    body: ByteBuffer(string: body + "&_csrf=\(session.csrf)"))
            }
            #expect(
                try await post(
                    "/admin/people/\(agentID)", "skills=language%3Aes%2C+Product%3AFibre&capacity=8&away=1",
                    as: supervisor
                ).status == .seeOther)
            var agent = try #require(try await services.desk.users.user(id: agentID))
            #expect(agent.skills == ["language:es", "product:fibre"])
            #expect(agent.capacity == 8)
            #expect(agent.isAway)
            #expect(
                try await post("/admin/people/\(agentID)", "skills=x&capacity=9999", as: supervisor).status
                    == .unprocessableContent)
            agent = try #require(try await services.desk.users.user(id: agentID))
            #expect(agent.capacity == 8, "refused input changes nothing")
            // The API mirrors it; agents cannot change skills.
            try await client.execute(
                uri: "/api/v1/users/\(agentID)", method: .patch, headers: DeskTest.bearer(people[.agent]!.token),
                body: ByteBuffer(string: #"{"skills":["language:fr"]}"#)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/users/\(agentID)", method: .patch, headers: DeskTest.bearer(people[.supervisor]!.token),
                body: ByteBuffer(string: #"{"capacity":12}"#)
            ) { #expect($0.status == .ok) }
            agent = try #require(try await services.desk.users.user(id: agentID))
            #expect(agent.capacity == 12 && agent.skills == ["language:es", "product:fibre"])

            let team = try await services.desk.teams.create(
                name: "Care", strategy: .roundRobin, supervisorID: nil, members: [])
            // Team hours are an admin's: a supervisor is refused.
            #expect(
                try await post(
                    "/admin/teams/\(team.id.rawValue)",
                    "members[]=\(agentID)&timeZone=UTC&open=09:00&close=17:00&days[]=2",
                    as: supervisor
                ).status == .forbidden)
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let good =
                "members[]=\(agentID)&timeZone=Europe%2FLondon&open=09:00&close=17:30&days[]=2&days[]=3&days[]=4&days[]=5&days[]=6&holidays=2026-12-25%2C+2026-12-26"
            #expect(
                try await post(
                    "/admin/teams/\(team.id.rawValue)", "timeZone=Mars%2FOlympus&open=09:00&close=17:00&days[]=2",
                    as: admin
                )
                .status == .unprocessableContent)
            #expect(try await services.desk.teams.all().first?.businessHours == nil)
            #expect(try await post("/admin/teams/\(team.id.rawValue)", good, as: admin).status == .seeOther)
            let saved = try #require(try await services.desk.teams.all().first { $0.id == team.id })
            #expect(saved.members == [AgentID(agentID)])
            let hours = try #require(saved.businessHours)
            #expect(hours.timeZoneIdentifier == "Europe/London")
            #expect(hours.weekly.count == 5)
            #expect(hours.holidays == [LocalDate(2026, 12, 25), LocalDate(2026, 12, 26)])
            try await client.execute(uri: "/admin/desk", method: .get, headers: [.cookie: admin.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Mon Tue Wed Thu Fri 09:00–17:30 (Europe/London), 2 holiday(s)"))
                #expect(html.contains(#"value="language:es, product:fibre""#))
            }
            // Around the clock clears the hours.
            #expect(
                try await post("/admin/teams/\(team.id.rawValue)", "members[]=\(agentID)&alwaysOpen=1", as: admin)
                    .status == .seeOther)
            #expect(try await services.desk.teams.all().first { $0.id == team.id }?.businessHours == nil)
            #expect(try await services.desk.audit.recent().contains { $0.action == "user.workload" })
        }
    }
}
