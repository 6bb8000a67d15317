import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("Mastodon, Bluesky, Reddit")
struct SocialFormatTests {
    @Test func mastodonFixture() throws {
        let outcome = try Fixture.parse(.mastodon, "mastodon-status.json")
        let post = try #require(outcome.posts.first)
        #expect(outcome.posts.count == 1)
        #expect(post.network == .mastodon)
        #expect(post.externalID == "https://mastodon.example/users/kim/statuses/113512345678901234")
        #expect(post.url == "https://mastodon.example/@kim/113512345678901234")
        #expect(
            post.text
                == #"Is #AcmeMobile down for anyone else? No data since 7am & the status page says "all good" <sigh>"#)
        #expect(post.title == nil)
        #expect(post.language == "en")
        #expect(post.createdAt == date("2026-11-20T08:20:11.000Z"))
        #expect(post.metrics == PostMetrics(likes: 9, reposts: 4, replies: 0))
        #expect(post.kind == .post)
        #expect(post.origin == .publicStream)
        #expect(post.inReplyToID == nil)
        #expect(post.hashtags == ["acmemobile"])
        #expect(post.mentionedHandles == [])
        #expect(
            post.author
                == Author(
                    network: .mastodon, externalID: "https://mastodon.example/@kim", handle: "kim@mastodon.example",
                    displayName: "Kim ☕", followers: 1830, following: 402, profileURL: "https://mastodon.example/@kim",
                    bio: "Coffee, code, trains."))
    }

    @Test func mastodonArrayWithBoostAndBadItem() throws {
        let status = try String(decoding: Fixture.bytes("mastodon-status.json"), as: UTF8.self)
        let boost =
            #"{"id":"9","created_at":"2026-11-20T09:00:00Z","content":"","account":{"acct":"bo@x.example"},"reblog":"#
            + status + "}"
        let outcome = try parse(.mastodon, "[\(status),\(boost),{\"id\":\"1\"}]")
        #expect(outcome.posts.count == 2)
        #expect(outcome.posts[0].externalID == outcome.posts[1].externalID)
        #expect(outcome.failures.map(\.location) == [.item(3)])
    }

    @Test func blueskyFixtureResolvesHandleFromLaterIdentityEvent() throws {
        let outcome = try Fixture.parse(.bluesky, "bluesky-jetstream.ndjson")
        #expect(outcome.skipped == 1)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.blueskyHandles == ["did:plc:4xk2m7r6w5cz3p2q1lk9abcd": "tess.bsky.social"])
        let post = try #require(outcome.posts.first)
        #expect(post.network == .bluesky)
        #expect(post.externalID == "at://did:plc:4xk2m7r6w5cz3p2q1lk9abcd/app.bsky.feed.post/3lbq2xyz7gh2a")
        #expect(post.url == "https://bsky.app/profile/tess.bsky.social/post/3lbq2xyz7gh2a")
        #expect(post.text == "acme mobile support fixed my roaming in 5 minutes on chat. genuinely great service")
        #expect(post.language == "en")
        #expect(post.createdAt == date("2026-11-20T08:20:12.345Z"))
        #expect(post.kind == .post)
        #expect(post.origin == .publicStream)
        #expect(post.inReplyToID == nil)
        #expect(post.contentID == "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")
        #expect(post.threadRootContentID == nil, "a post that starts its thread is its own root")
        #expect(
            post.author
                == Author(
                    network: .bluesky, externalID: "did:plc:4xk2m7r6w5cz3p2q1lk9abcd", handle: "tess.bsky.social",
                    profileURL: "https://bsky.app/profile/tess.bsky.social"))
    }

    @Test func blueskyStreamingContextAndReplies() throws {
        var context = StreamContext()
        let identity =
            #"{"did":"did:plc:a","time_us":1,"kind":"identity","identity":{"did":"did:plc:a","handle":"ann.bsky.social"}}"#
        #expect(try PayloadParser.parseLine(.bluesky, Array(identity.utf8), context: &context) == .skipped)
        let reply =
            #"{"did":"did:plc:a","time_us":1763626812345678,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"k1","record":{"text":"@bob.test hi #Acme","langs":["pt-BR"],"reply":{"root":{"uri":"at://r","cid":"bafyroot"},"parent":{"uri":"at://p","cid":"bafyparent"}},"facets":[{"index":{"byteStart":0,"byteEnd":9},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:b"}]},{"index":{"byteStart":13,"byteEnd":18},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"Acme"}]}]},"cid":"bafyreply"}}"#
        let post = try #require(try PayloadParser.parseLine(.bluesky, Array(reply.utf8), context: &context).post)
        #expect(post.author.handle == "ann.bsky.social")
        #expect(post.kind == .reply)
        #expect(post.inReplyToID == "at://p")
        #expect(post.threadID == "at://r")
        #expect(post.contentID == "bafyreply")
        #expect(post.threadRootContentID == "bafyroot")
        // A reply naming only its parent: the parent is the root, for the uri and the cid alike.
        let partial =
            #"{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"k2","record":{"text":"hi","reply":{"parent":{"uri":"at://p","cid":"bafyparent"}}},"cid":"bafyk2"}}"#
        let second = try #require(try PayloadParser.parseLine(.bluesky, Array(partial.utf8), context: &context).post)
        #expect(second.threadID == "at://p")
        #expect(second.threadRootContentID == "bafyparent")
        #expect(post.language == "pt")
        #expect(post.mentionedHandles == ["bob.test"])
        #expect(post.hashtags == ["Acme"])
        #expect(post.createdAt == Date(timeIntervalSince1970: 1_763_626_812.345678))
        let delete =
            #"{"did":"did:plc:a","time_us":1,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.post","rkey":"k1"}}"#
        #expect(try PayloadParser.parseLine(.bluesky, Array(delete.utf8), context: &context) == .skipped)
        let account = #"{"did":"did:plc:a","time_us":1,"kind":"account","account":{"active":true}}"#
        #expect(try PayloadParser.parseLine(.bluesky, Array(account.utf8), context: &context) == .skipped)
    }

    @Test func redditFixture() throws {
        let outcome = try Fixture.parse(.reddit, "reddit-comments.json")
        let post = try #require(outcome.posts.first)
        #expect(outcome.posts.count == 1)
        #expect(post.network == .reddit)
        #expect(post.externalID == "t1_lx9k2ab")
        #expect(post.url == "https://www.reddit.com/r/uktelecoms/comments/1gx2abc/acme_5g_drops/lx9k2ab/")
        #expect(
            post.text
                == "Acme's 5G box keeps dropping every evening. Anyone found a fix? Support told me to 'restart it' for the fourth time."
        )
        #expect(post.createdAt == Date(timeIntervalSince1970: 1_763_626_900))
        #expect(post.metrics.likes == 27)
        #expect(post.kind == .comment)
        #expect(post.origin == .publicStream)
        #expect(post.inReplyToID == "t3_1gx2abc")
        #expect(post.threadID == "t3_1gx2abc")
        #expect(
            post.author
                == Author(
                    network: .reddit, externalID: "throwaway_router", handle: "throwaway_router",
                    profileURL: "https://www.reddit.com/user/throwaway_router"))
    }

    @Test func redditPostsDeletedItemsAndEntities() throws {
        let doc = #"""
            [{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p1","name":"t3_p1","author":"op","title":"Acme &amp; Globex","selftext":"","created_utc":1763626900,"permalink":"/r/x/comments/p1/","num_comments":5,"score":-3}}]}},
             {"kind":"Listing","data":{"children":[
               {"kind":"t1","data":{"id":"c1","author":"[deleted]","body":"[deleted]","created_utc":1}},
               {"kind":"more","data":{"count":10}},
               {"kind":"t1","data":{"id":"c2","author":"a","body":"5 &lt; 6 &amp;&amp; 7 &gt; 3"}},
               {"kind":"t1","data":{"id":"c3","author":"a","body":"ok","created_utc":1763626901.5}}]}}]
            """#
        let outcome = try parse(.reddit, doc)
        #expect(outcome.posts.map(\.externalID) == ["t3_p1", "t1_c3"])
        #expect(outcome.posts[0].title == "Acme & Globex")
        #expect(outcome.posts[0].text == "Acme & Globex")
        #expect(outcome.posts[0].metrics.likes == 0)
        #expect(outcome.posts[0].metrics.replies == 5)
        #expect(outcome.skipped == 2)
        #expect(outcome.failures.map(\.location) == [.item(4)])
        #expect(outcome.failures.first?.error.code == .missingField)
        #expect(HTMLText.decodeEntities("5 &lt; 6 &amp;&amp; 7 &gt; 3") == "5 < 6 && 7 > 3")
    }
}
