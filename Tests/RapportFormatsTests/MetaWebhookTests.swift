import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("Meta Graph webhooks")
struct MetaWebhookTests {
    @Test func pageFeedCommentFixture() throws {
        let outcome = try Fixture.parse(.meta, "meta-page-feed.json")
        #expect(outcome.failures.isEmpty)
        #expect(outcome.skipped == 0)
        let post = try #require(outcome.posts.first)
        #expect(outcome.posts.count == 1)
        #expect(post.network == .facebook)
        #expect(post.externalID == "5566778899_1122334455")
        #expect(post.url == "https://www.facebook.com/5566778899_1122334455")
        #expect(
            post.text == "Ordered a phone 2 weeks ago, still not here and nobody answers the chat. What is going on?")
        #expect(post.kind == .comment)
        #expect(post.origin == .owned)
        #expect(post.inReplyToID == "104233445566778_5566778899")
        #expect(post.threadID == "104233445566778_5566778899")
        #expect(post.createdAt == Date(timeIntervalSince1970: 1_763_626_502))
        #expect(post.language == nil)
        #expect(
            post.author
                == Author(
                    network: .facebook, externalID: "7012345678901234", handle: "Jordan Lee", displayName: "Jordan Lee",
                    profileURL: "https://www.facebook.com/7012345678901234"))
    }

    @Test func messengerFixture() throws {
        let outcome = try Fixture.parse(.meta, "meta-messenger.json")
        let post = try #require(outcome.posts.first)
        #expect(outcome.posts.count == 1)
        #expect(post.network == .messenger)
        #expect(post.externalID == "m_AbCdEfGhIjKlMnOpQrStUv")
        #expect(post.url == nil)
        #expect(post.text == "Hi, can I move my contract to my new address in Bristol?")
        #expect(post.kind == .directMessage)
        #expect(post.origin == .owned)
        #expect(post.threadID == "6543210987654321")
        #expect(post.createdAt == Date(timeIntervalSince1970: 1_763_626_600))
        #expect(post.author == Author(network: .messenger, externalID: "6543210987654321", handle: "6543210987654321"))
    }

    @Test func instagramCommentFixture() throws {
        let outcome = try Fixture.parse(.meta, "meta-instagram-comment.json")
        let post = try #require(outcome.posts.first)
        #expect(post.network == .instagram)
        #expect(post.externalID == "17860000000000003")
        #expect(post.text == "Love the new colours!! Where can I buy the blue one? 💙")
        #expect(post.kind == .comment)
        #expect(post.origin == .owned)
        #expect(post.inReplyToID == "17900000000000002")
        #expect(post.threadID == "17900000000000002")
        #expect(post.createdAt == Date(timeIntervalSince1970: 1_763_626_700))
        #expect(
            post.author
                == Author(
                    network: .instagram, externalID: "17850000000000001", handle: "mia.travels",
                    profileURL: "https://www.instagram.com/mia.travels/"))
    }

    @Test func oneBodyWithManyEventsYieldsAllPostsAndSkipsTheRest() throws {
        let body = """
            {"object":"page","entry":[
              {"id":"1","time":1763626600123,"messaging":[
                {"sender":{"id":"u1"},"recipient":{"id":"1"},"timestamp":1763626600000,"message":{"mid":"m1","text":"first"}},
                {"sender":{"id":"1"},"recipient":{"id":"u1"},"timestamp":1763626600001,"message":{"mid":"m2","text":"echo","is_echo":true}},
                {"sender":{"id":"u1"},"recipient":{"id":"1"},"timestamp":1763626600002,"delivery":{"mids":["m2"]}},
                {"sender":{"id":"u1"},"recipient":{"id":"1"},"timestamp":1763626600003,"read":{"watermark":1}},
                {"sender":{"id":"u1"},"recipient":{"id":"1"},"timestamp":1763626600004,"message":{"mid":"m3","attachments":[{"type":"image"}]}},
                {"sender":{"id":"u1"},"recipient":{"id":"1"},"timestamp":1763626600005,"message":{"text":"no mid"}}
              ]},
              {"id":"1","time":1763626502,"changes":[
                {"field":"feed","value":{"item":"comment","verb":"remove","post_id":"1_2","comment_id":"2_3","from":{"id":"9"}}},
                {"field":"feed","value":{"item":"reaction","verb":"add","post_id":"1_2","from":{"id":"9"}}},
                {"field":"feed","value":{"item":"status","verb":"add","post_id":"1_5","message":"visitor post","from":{"id":"9","name":"Vi"},"created_time":1763626502}}
              ]}
            ]}
            """
        let outcome = try parse(.meta, body)
        #expect(outcome.posts.map(\.externalID) == ["m1", "m3", "1_5"])
        #expect(outcome.posts[1].text == "[image]")
        #expect(outcome.posts[2].kind == .post)
        #expect(outcome.skipped == 5)
        #expect(outcome.failures.count == 1)
        #expect(outcome.failures.first?.location == .item(6))
        #expect(outcome.failures.first?.error.code == .missingField)
        #expect(outcome.failures.first?.error.message.contains("entry[0].messaging[5].message.mid") == true)
    }

    @Test func unsupportedObjectIsADocumentError() {
        #expect {
            try parse(.meta, #"{"object":"user","entry":[]}"#)
        } throws: { ($0 as? FormatError)?.code == .unsupportedEvent }
        #expect {
            try parse(.meta, #"{"object":"page"}"#)
        } throws: { ($0 as? FormatError)?.code == .missingField }
        #expect {
            try parse(.meta, #"[1,2]"#)
        } throws: { ($0 as? FormatError)?.code == .wrongType }
    }
}
