import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Surveys at the moment of truth")
struct SurveyTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test(
        "resolving an answered conversation sends a CSAT link in its channel; a detractor's answer opens a follow-up",
        arguments: TestEngine.available)
    func csatOnResolution(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let agent = DeskTest.bearer(people[.agent]!.token)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "My router keeps dropping the connection, can you help?")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            // Resolving before anyone answered sends nothing.
            try await client.execute(
                uri: "/api/v1/conversations/\(c.id)/replies", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"text":"Restarting the router should fix it."}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/api/v1/conversations/\(c.id)", method: .patch, headers: agent,
                body: ByteBuffer(string: #"{"status":"resolved"}"#)
            ) { #expect($0.status == .ok) }
            let messages = try #require(try await services.desk.conversations.detail(id: c.id)).messages
            let survey = try #require(messages.last)
            #expect(survey.direction == .outgoing)
            #expect(survey.authorName == "Rapport")
            let token = try #require(survey.body.components(separatedBy: "/survey/").last)
            #expect(token.count == 64)

            try await client.execute(uri: "/survey/\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("How satisfied are you"))
            }
            try await client.execute(
                uri: "/survey/\(token)", method: .post, headers: Self.form, body: ByteBuffer(string: "score=9")
            ) { #expect($0.status == .badRequest, "CSAT is 1–5") }
            try await client.execute(
                uri: "/survey/\(token)", method: .post, headers: Self.form,
                body: ByteBuffer(string: "score=1&comment=%3Cb%3Estill%3C%2Fb%3E+broken")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Someone from the team will get back to you"))
            }
            try await client.execute(
                uri: "/survey/\(token)", method: .post, headers: Self.form, body: ByteBuffer(string: "score=5")
            ) { #expect($0.status == .conflict, "answered once") }
            try await client.execute(uri: "/survey/not-a-token", method: .get) { #expect($0.status == .notFound) }

            let surveys = try await services.desk.surveys.surveys(customerID: c.customerID)
            #expect(surveys.count == 1)
            #expect(surveys[0].score == 1)
            #expect(surveys[0].comment == "<b>still</b> broken")
            let followUp = try #require(surveys[0].followupConversationID)
            let detail = try #require(try await services.desk.conversations.detail(id: followUp))
            #expect(detail.summary.priority == "high")
            #expect(detail.tags == ["survey-detractor"])
            #expect(detail.messages.first?.body.contains("“<b>still</b> broken”") == true)
        }
    }

    @Test("an NPS by API; a promoter's share is recorded and makes them an advocate", arguments: TestEngine.available)
    func promoterShares(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "Bought the 5G plan")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let customer = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
                .customerID
            try await client.execute(
                uri: "/api/v1/surveys", method: .post, headers: DeskTest.bearer(people[.analyst]!.token),
                body: ByteBuffer(string: #"{"customerId":\#(customer),"kind":"nps"}"#)
            ) { #expect($0.status == .forbidden) }
            let sent = try await client.execute(
                uri: "/api/v1/surveys", method: .post, headers: DeskTest.bearer(people[.agent]!.token),
                body: ByteBuffer(string: #"{"customerId":\#(customer),"kind":"nps"}"#))
            #expect(sent.status == .created)
            let link = try #require(
                (try JSONSerialization.jsonObject(with: Data(String(buffer: sent.body).utf8)) as? [String: Any])?[
                    "link"] as? String)
            let token = try #require(link.components(separatedBy: "/survey/").last)
            try await client.execute(
                uri: "/survey/\(token)", method: .post, headers: Self.form, body: ByteBuffer(string: "score=10")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("/survey/\(token)/share/linkedin"))
            }
            try await client.execute(uri: "/survey/\(token)/share/x", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location]?.hasPrefix("https://x.com/intent/post?text=") == true)
            }
            try await client.execute(uri: "/survey/\(token)/share/myspace", method: .get) {
                #expect($0.status == .notFound)
            }
            let survey = try #require(try await services.desk.surveys.surveys(customerID: customer).first)
            #expect(survey.sharedOn == ["x"])
            #expect(survey.followupConversationID == nil)
            let profile = try #require(try await services.desk.customers.profile(id: customer))
            #expect(profile.tags.contains("advocate"))
        }
    }
}
