import Foundation
import Testing

@testable import RapportOutbound

/// The pure request builders, checked field by field against each platform's documented format.
@Suite struct RequestFormatTests {
    @Test func xPublicReplyIsAPostToTweetsWithReplyObject() throws {
        let request = try XRequests.request(
            for: Fixtures.message(.x(tweetID: "1460323737035677698")),
            configuration: XConfiguration(baseURL: "https://api.x.com/", userAccessToken: "user-token"))
        #expect(request.method == "POST")
        #expect(request.url == "https://api.x.com/2/tweets")
        #expect(request.headers["Authorization"] == "Bearer user-token")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = Fixtures.json(request.body)
        #expect(body["text"] as? String == "Thanks, we're on it!")
        #expect((body["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String == "1460323737035677698")
        #expect(body.count == 2)
    }

    @Test func xPrivateReplyIsADirectMessageToTheAuthor() throws {
        let request = try XRequests.request(
            for: Fixtures.message(.x(tweetID: "1", authorID: "9876543210"), isPrivate: true),
            configuration: XConfiguration(userAccessToken: "t"))
        #expect(request.url == "https://api.x.com/2/dm_conversations/with/9876543210/messages")
        #expect(Fixtures.json(request.body) as NSDictionary == ["text": "Thanks, we're on it!"] as NSDictionary)
    }

    @Test func xPrivateReplyWithoutAuthorCannotBeBuilt() {
        #expect(throws: RequestBuildError.self) {
            try XRequests.request(
                for: Fixtures.message(.x(tweetID: "1"), isPrivate: true),
                configuration: XConfiguration(userAccessToken: "t"))
        }
    }

    @Test func senderRefusesAnotherNetworksTarget() {
        #expect(throws: RequestBuildError.self) {
            try XRequests.request(
                for: Fixtures.message(.mastodon(statusID: "1")), configuration: XConfiguration(userAccessToken: "t"))
        }
    }

    @Test func facebookCommentReplyPostsMessageToCommentsEdge() throws {
        let request = try MetaRequests.request(
            for: Fixtures.message(.facebook(commentID: "123_456"), text: "Hi & welcome"),
            configuration: MetaConfiguration(apiVersion: "v21.0", pageAccessToken: "page-token"))
        #expect(request.url == "https://graph.facebook.com/v21.0/123_456/comments")
        #expect(request.headers["Authorization"] == "Bearer page-token")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: request.body, as: UTF8.self) == "message=Hi%20%26%20welcome")
    }

    @Test func instagramCommentReplyPostsToRepliesEdge() throws {
        let request = try MetaRequests.request(
            for: Fixtures.message(.instagram(commentID: "17870913679156914")),
            configuration: MetaConfiguration(pageAccessToken: "t"))
        #expect(request.url.hasSuffix("/17870913679156914/replies"))
    }

    @Test func messengerReplyUsesSendAPIWithResponseType() throws {
        let request = try MetaRequests.request(
            for: Fixtures.message(.messenger(psid: "PSID-1")), configuration: MetaConfiguration(pageAccessToken: "t"))
        #expect(request.url == "https://graph.facebook.com/v21.0/me/messages")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = Fixtures.json(request.body)
        #expect((body["recipient"] as? [String: Any])?["id"] as? String == "PSID-1")
        #expect(body["messaging_type"] as? String == "RESPONSE")
        #expect((body["message"] as? [String: Any])?["text"] as? String == "Thanks, we're on it!")
    }

    @Test func privateReplyToACommentAddressesTheComment() throws {
        let request = try MetaRequests.request(
            for: Fixtures.message(.facebook(commentID: "C1"), isPrivate: true),
            configuration: MetaConfiguration(pageAccessToken: "t"))
        #expect(request.url.hasSuffix("/me/messages"))
        let recipient = Fixtures.json(request.body)["recipient"] as? [String: Any]
        #expect(recipient?["comment_id"] as? String == "C1")
        #expect(recipient?["id"] == nil)
    }

    @Test func mastodonReplyCarriesIdempotencyKeyAndMention() throws {
        let request = try MastodonRequests.request(
            for: Fixtures.message(.mastodon(statusID: "10990", authorAccount: "ana@example.social")),
            configuration: MastodonConfiguration(baseURL: "https://brand.social", accessToken: "m-token"))
        #expect(request.url == "https://brand.social/api/v1/statuses")
        #expect(request.headers["Idempotency-Key"] == "outbox-42")
        #expect(request.headers["Authorization"] == "Bearer m-token")
        let body = Fixtures.json(request.body)
        #expect(body["status"] as? String == "@ana@example.social Thanks, we're on it!")
        #expect(body["in_reply_to_id"] as? String == "10990")
        #expect(body["visibility"] as? String == "public")
    }

    @Test func mastodonPrivateReplyIsDirectAndKeepsAnExistingMention() throws {
        let request = try MastodonRequests.request(
            for: Fixtures.message(
                .mastodon(statusID: "1", authorAccount: "@ana@example.social"), text: "@ana sorry about that",
                isPrivate: true),
            configuration: MastodonConfiguration(baseURL: "https://brand.social", accessToken: "t"))
        let body = Fixtures.json(request.body)
        #expect(body["visibility"] as? String == "direct")
        #expect(body["status"] as? String == "@ana sorry about that")
    }

    @Test func mastodonPrivateReplyNeedsSomeoneToAddress() {
        #expect(throws: RequestBuildError.self) {
            try MastodonRequests.request(
                for: Fixtures.message(.mastodon(statusID: "1"), isPrivate: true),
                configuration: MastodonConfiguration(baseURL: "https://b.social", accessToken: "t"))
        }
    }

    @Test func blueskyReplyRecordPointsAtRootAndParent() throws {
        let root = BlueskyPostRef(uri: "at://did:plc:cust/app.bsky.feed.post/3kroot", cid: "bafyroot")
        let parent = BlueskyPostRef(uri: "at://did:plc:cust/app.bsky.feed.post/3kparent", cid: "bafyparent")
        let request = try BlueskyRequests.createRecord(
            for: Fixtures.message(.bluesky(parent: parent, root: root)),
            session: BlueskySession(accessJwt: "jwt", did: "did:plc:brand"),
            configuration: BlueskyConfiguration(
                baseURL: "https://pds.test", identifier: "brand.test", appPassword: "p"),
            createdAt: Fixtures.fixedDate)
        #expect(request.url == "https://pds.test/xrpc/com.atproto.repo.createRecord")
        #expect(request.headers["Authorization"] == "Bearer jwt")
        let body = Fixtures.json(request.body)
        #expect(body["repo"] as? String == "did:plc:brand")
        #expect(body["collection"] as? String == "app.bsky.feed.post")
        let record = try #require(body["record"] as? [String: Any])
        #expect(record["$type"] as? String == "app.bsky.feed.post")
        #expect(record["text"] as? String == "Thanks, we're on it!")
        #expect(record["createdAt"] as? String == "2024-03-05T09:30:00.000Z")
        let reply = try #require(record["reply"] as? [String: [String: String]])
        #expect(reply["root"] == ["uri": root.uri, "cid": root.cid])
        #expect(reply["parent"] == ["uri": parent.uri, "cid": parent.cid])
    }

    @Test func blueskyRejectsTextOverThreeHundredGraphemes() {
        let ref = BlueskyPostRef(uri: "at://x", cid: "c")
        // 300 flags are 600 scalars but 300 graphemes: allowed; one more is not.
        let limit = String(repeating: "🇫🇷", count: 300)
        let session = BlueskySession(accessJwt: "j", did: "d")
        let configuration = BlueskyConfiguration(identifier: "i", appPassword: "p")
        #expect(throws: Never.self) {
            try BlueskyRequests.createRecord(
                for: Fixtures.message(.bluesky(parent: ref, root: ref), text: limit), session: session,
                configuration: configuration, createdAt: Fixtures.fixedDate)
        }
        #expect(throws: RequestBuildError.self) {
            try BlueskyRequests.createRecord(
                for: Fixtures.message(.bluesky(parent: ref, root: ref), text: limit + "!"), session: session,
                configuration: configuration, createdAt: Fixtures.fixedDate)
        }
    }

    @Test func blueskyLogInSendsIdentifierAndAppPassword() {
        let request = BlueskyRequests.createSession(
            configuration: BlueskyConfiguration(
                baseURL: "https://pds.test", identifier: "brand.test", appPassword: "app-pw"))
        #expect(request.url == "https://pds.test/xrpc/com.atproto.server.createSession")
        #expect(
            Fixtures.json(request.body) as NSDictionary == ["identifier": "brand.test", "password": "app-pw"]
                as NSDictionary)
    }

    @Test func channelFollowsTheTarget() {
        #expect(Fixtures.message(.messenger(psid: "p")).channel == .messenger)
        #expect(Fixtures.message(.webchat(sessionID: "s")).channel == .webchat)
    }
}
