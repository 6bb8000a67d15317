import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("Rapport's own formats")
struct RapportFormatTests {
    @Test func webChatMessage() throws {
        let json =
            #"{"session_id":"s-1","message_id":"m-1","visitor":{"id":"v-1","name":"Ana","email":"Ana@Example.org"},"text":"Hello &amp; bye","sent_at":"2026-11-20T08:00:00Z"}"#
        let post = try #require(try parse(.webchat, json).posts.first)
        #expect(
            post
                == IncomingPost(
                    network: .webchat, externalID: "m-1",
                    author: Author(network: .webchat, externalID: "v-1", handle: "ana@example.org", displayName: "Ana"),
                    text: "Hello &amp; bye", createdAt: date("2026-11-20T08:00:00Z"), kind: .chat, origin: .owned,
                    threadID: "s-1"))
        let anonymous =
            #"[{"session_id":"s","message_id":"m","visitor":{"id":"v"},"text":"hi","sent_at":1763626600},{"session_id":"s"}]"#
        let outcome = try parse(.webchat, anonymous)
        #expect(outcome.posts.first?.author.handle == "v")
        #expect(outcome.posts.first?.createdAt == Date(timeIntervalSince1970: 1_763_626_600))
        #expect(outcome.failures.map(\.location) == [.item(2)])
    }

    @Test func agentInteractions() throws {
        let call =
            #"{"id":"c1","channel":"phone","customer":{"name":"Ana Silva","phone":"+44 20 7946 0000","email":"a@b"},"agent":"jo","summary":"Asked about roaming.","occurred_at":"2026-11-20T08:00:00Z"}"#
        let post = try #require(try parse(.interaction, call).posts.first)
        #expect(post.network == .phone)
        #expect(post.kind == .call)
        #expect(post.origin == .owned)
        #expect(post.title == "Phone call logged by jo")
        #expect(post.text == "Asked about roaming.")
        #expect(
            post.author
                == Author(
                    network: .phone, externalID: "+44 20 7946 0000", handle: "+44 20 7946 0000",
                    displayName: "Ana Silva"))
        let meeting =
            #"{"id":"c2","channel":"in_person","customer":{"name":"Bo"},"agent":"jo","summary":"s","occurred_at":"2026-11-20T08:00:00Z"}"#
        let visit = try #require(try parse(.interaction, meeting).posts.first)
        #expect(visit.network == .inPerson)
        #expect(visit.kind == .meeting)
        #expect(visit.author.handle == "Bo")
        #expect {
            try parse(
                .interaction,
                #"{"id":"c3","channel":"fax","customer":{"name":"x"},"agent":"a","summary":"s","occurred_at":"2026-11-20T08:00:00Z"}"#
            )
        } throws: { ($0 as? FormatError)?.code == .invalidValue }
    }

    @Test func rapportJSONRoundTrips() throws {
        let x = try Fixture.parse(.x, "x-v2-stream.ndjson").posts
        let email = try Fixture.parse(.email, "email.eml").posts
        let posts = x + email
        let ndjson = posts.map(RapportJSON.encode).joined(separator: "\n")
        #expect(try parse(.rapport, ndjson).posts == posts)
        #expect(try parse(.rapport, "[" + posts.map(RapportJSON.encode).joined(separator: ",") + "]").posts == posts)
        #expect(try parseLine(.rapport, RapportJSON.encode(posts[0])).post == posts[0])
    }

    @Test func rapportJSONValidatesEnums() {
        #expect {
            try parseLine(
                .rapport,
                #"{"network":"myspace","externalId":"1","text":"t","createdAt":0,"origin":"owned","author":{"externalId":"a","handle":"a"}}"#
            )
        } throws: { ($0 as? FormatError)?.code == .invalidValue }
    }

    @Test func formatNames() {
        #expect(PayloadFormat(name: "X") == .x)
        #expect(PayloadFormat(name: "twitter") == .x)
        #expect(PayloadFormat(name: "jetstream") == .bluesky)
        #expect(PayloadFormat(name: "nope") == nil)
        #expect(PayloadFormat.allCases.filter(\.isLineDelimited) == [.x, .bluesky, .rapport])
    }

    @Test func dates() {
        #expect(DateParsing.iso8601("2026-11-20T08:15:02.5+01:30") == date("2026-11-20T06:45:02.500Z"))
        #expect(DateParsing.iso8601("2026-11-20") == date("2026-11-20T00:00:00Z"))
        #expect(DateParsing.iso8601("2026-13-20T08:15:02Z") == nil)
        #expect(DateParsing.rfc822("Thu, 19 Nov 2026 12:00:00 EST") == date("2026-11-19T17:00:00Z"))
        #expect(DateParsing.rfc822("19 Nov 2026 12:00 -0130 (comment)") == date("2026-11-19T13:30:00Z"))
        #expect(ISO8601Text.string(from: date("1969-12-31T23:59:59.250Z")) == "1969-12-31T23:59:59.250Z")
    }
}
