import RapportCore
import Testing

@testable import RapportDesk

/// Drives the resolver like the ingest path will: resolve, then record the keys in the conversation
/// the message ended in.
private struct Desk {
    var index = InMemoryThreadIndex()
    var nextID: Int64 = 1

    /// Threads `input` and returns the conversation it ended in and the decision.
    mutating func receive(_ input: ThreadingInput, customer: CustomerID = 7) -> (ConversationID, ThreadingDecision) {
        var input = input
        input.customerID = input.customerID ?? customer
        let result = ThreadResolver.resolve(input, index: index)
        let id: ConversationID
        switch result.decision {
        case .existing(let existing, _): id = existing
        case .startNew:
            id = ConversationID(nextID)
            nextID += 1
        }
        let status = index.conversations[id]?.status ?? .new
        index.record(result, in: ThreadedConversation(id: id, status: status, customerID: customer))
        return (id, result.decision)
    }

    mutating func setStatus(_ id: ConversationID, _ status: ConversationStatus) {
        index.conversations[id]?.status = status
    }
}

@Suite struct ThreadingTests {
    @Test func xReplyChainsByParentAndConversationID() {
        var desk = Desk()
        let (root, first) = desk.receive(
            ThreadingInput(network: .x, kind: .post, externalID: "1", authorExternalID: "u1"))
        #expect(first == .startNew(previous: nil))
        // Direct reply to the stored tweet.
        let (c2, d2) = desk.receive(
            ThreadingInput(
                network: .x, kind: .reply, externalID: "2", inReplyToID: "1", threadID: "1", authorExternalID: "u1"))
        #expect(c2 == root)
        #expect(d2 == .existing(root, evidence: .parentMessage(MessageKey(network: .x, externalID: "1"))))
        // Reply to a tweet Rapport never stored, same X conversation_id.
        let (c3, d3) = desk.receive(
            ThreadingInput(
                network: .x, kind: .reply, externalID: "3", inReplyToID: "999", threadID: "1", authorExternalID: "u1"))
        #expect(c3 == root)
        #expect(d3 == .existing(root, evidence: .thread(ThreadKey(.replyChain, network: .x, id: "1"))))
        // Same ids on another network are another thread.
        let (other, _) = desk.receive(
            ThreadingInput(
                network: .bluesky, kind: .reply, externalID: "2b", inReplyToID: "1", threadID: "1",
                authorExternalID: "u1"))
        #expect(other != root)
    }

    @Test func anotherCustomerInTheSamePublicThreadGetsTheirOwnConversation() {
        var desk = Desk()
        let (root, _) = desk.receive(
            ThreadingInput(network: .x, kind: .post, externalID: "1", authorExternalID: "u1"), customer: 7)
        let (c2, _) = desk.receive(
            ThreadingInput(
                network: .x, kind: .reply, externalID: "2", inReplyToID: "1", threadID: "1", authorExternalID: "u2"),
            customer: 8)
        #expect(c2 != root)
    }

    @Test func blueskyRepliesThreadByParentAndRootURI() {
        var desk = Desk()
        let rootURI = "at://did:plc:dana/app.bsky.feed.post/3k1"
        let (root, _) = desk.receive(
            ThreadingInput(network: .bluesky, kind: .post, externalID: rootURI, authorExternalID: "did:plc:dana"))
        let (c2, _) = desk.receive(
            ThreadingInput(
                network: .bluesky, kind: .reply, externalID: "at://did:plc:dana/app.bsky.feed.post/3k2",
                inReplyToID: "at://did:plc:brand/app.bsky.feed.post/9zz", threadID: rootURI,
                authorExternalID: "did:plc:dana"))
        #expect(c2 == root)
    }

    @Test func mastodonRepliesToTheAgentsOutgoingReply() {
        var desk = Desk()
        let (root, _) = desk.receive(
            ThreadingInput(
                network: .mastodon, kind: .post, externalID: "https://m.example/s/1", authorExternalID: "kim"))
        // The agent's reply went out; its id is recorded for the conversation like any message.
        let outgoing = ThreadResolver.resolve(
            ThreadingInput(
                network: .mastodon, kind: .reply, externalID: "555", inReplyToID: "https://m.example/s/1",
                authorExternalID: "brand"),
            index: desk.index)
        desk.index.record(outgoing, in: ThreadedConversation(id: root, status: .open, customerID: 7))
        // Mastodon gives no thread id: only the parent links the customer's answer.
        let (c3, d3) = desk.receive(
            ThreadingInput(
                network: .mastodon, kind: .reply, externalID: "https://m.example/s/2", inReplyToID: "555",
                authorExternalID: "kim"))
        #expect(c3 == root)
        #expect(d3 == .existing(root, evidence: .parentMessage(MessageKey(network: .mastodon, externalID: "555"))))
    }

    @Test func redditCommentsUnderOneSubmission() {
        var desk = Desk()
        // The submission itself was never stored (someone else's post).
        let (first, _) = desk.receive(
            ThreadingInput(
                network: .reddit, kind: .comment, externalID: "t1_a", inReplyToID: "t3_post", threadID: "t3_post",
                authorExternalID: "dana"))
        let (second, d) = desk.receive(
            ThreadingInput(
                network: .reddit, kind: .comment, externalID: "t1_b", inReplyToID: "t1_zzz", threadID: "t3_post",
                authorExternalID: "dana"))
        #expect(second == first)
        #expect(d == .existing(first, evidence: .thread(ThreadKey(.replyChain, network: .reddit, id: "t3_post"))))
    }

    @Test func facebookAndInstagramCommentsThreadOnThePost() {
        var desk = Desk()
        let (fb, _) = desk.receive(
            ThreadingInput(
                network: .facebook, kind: .comment, externalID: "c1", inReplyToID: nil, threadID: "page_post_1",
                authorExternalID: "psid1"))
        let (fb2, _) = desk.receive(
            ThreadingInput(
                network: .facebook, kind: .comment, externalID: "c2", inReplyToID: "c1", threadID: "page_post_1",
                authorExternalID: "psid1"))
        #expect(fb2 == fb)
        let (ig, _) = desk.receive(
            ThreadingInput(
                network: .instagram, kind: .comment, externalID: "igc1", inReplyToID: "media1", threadID: "media1",
                authorExternalID: "ig1"))
        let (ig2, _) = desk.receive(
            ThreadingInput(
                network: .instagram, kind: .comment, externalID: "igc2", inReplyToID: "media1", threadID: "media1",
                authorExternalID: "ig1"))
        #expect(ig2 == ig)
        #expect(ig != fb)
    }

    @Test func directMessageThreadsPerSenderOnEachNetwork() {
        var desk = Desk()
        for network in [Network.messenger, .instagram, .x] {
            let (a, _) = desk.receive(
                ThreadingInput(
                    network: network, kind: .directMessage, externalID: "m1-\(network)", threadID: "sender1",
                    authorExternalID: "sender1"))
            let (b, d) = desk.receive(
                ThreadingInput(
                    network: network, kind: .directMessage, externalID: "m2-\(network)", threadID: "sender1",
                    authorExternalID: "sender1"))
            #expect(a == b)
            #expect(d == .existing(a, evidence: .thread(ThreadKey(.directMessages, network: network, id: "sender1"))))
            // Without a thread id the sender names the thread.
            let (c, _) = desk.receive(
                ThreadingInput(
                    network: network, kind: .directMessage, externalID: "m3-\(network)", authorExternalID: "sender1"))
            #expect(c == a)
            let (other, _) = desk.receive(
                ThreadingInput(
                    network: network, kind: .directMessage, externalID: "m4-\(network)", threadID: "sender2",
                    authorExternalID: "sender2"))
            #expect(other != a)
        }
    }

    @Test func emailThreadsByInReplyToAndReferences() {
        var desk = Desk()
        let (thread, _) = desk.receive(
            ThreadingInput(
                network: .email, kind: .email, externalID: "m1@customer", authorExternalID: "dana@example.com"))
        let (c2, d2) = desk.receive(
            ThreadingInput(
                network: .email, kind: .email, externalID: "m2@customer", inReplyToID: "m1@customer",
                threadID: "m1@customer", references: ["m1@customer"], authorExternalID: "dana@example.com"))
        #expect(c2 == thread)
        #expect(
            d2 == .existing(thread, evidence: .parentMessage(MessageKey(network: .email, externalID: "m1@customer"))))
        // Parent unknown (a reply sent from another client); the newest known References id wins.
        let (c3, d3) = desk.receive(
            ThreadingInput(
                network: .email, kind: .email, externalID: "m4@customer", inReplyToID: "m3@lost", threadID: "m0@gone",
                references: ["m0@gone", "m2@customer", "m3@lost"], authorExternalID: "dana@example.com"))
        #expect(c3 == thread)
        #expect(d3 == .existing(thread, evidence: .emailReference("m2@customer")))
        // Only the thread root recorded as a key: a message naming just the root as its thread.
        let (c4, d4) = desk.receive(
            ThreadingInput(
                network: .email, kind: .email, externalID: "m5@customer", threadID: "m1@customer",
                authorExternalID: "dana@example.com"))
        #expect(c4 == thread)
        #expect(d4 == .existing(thread, evidence: .thread(ThreadKey(.emailThread, network: .email, id: "m1@customer"))))
        let (fresh, _) = desk.receive(
            ThreadingInput(
                network: .email, kind: .email, externalID: "new@customer", authorExternalID: "dana@example.com"))
        #expect(fresh != thread)
    }

    @Test func emailInputFromParsedPost() {
        let post = IncomingPost(
            network: .email, externalID: "m2@x", author: Author(network: .email, externalID: "a@b.c", handle: "a@b.c"),
            text: "hi", createdAt: t0, kind: .email, origin: .owned, inReplyToID: "m1@x", threadID: "m0@x")
        let keys = ThreadResolver.threadKeys(for: ThreadingInput(post: post, references: ["m0@x", "m1@x"]))
        #expect(keys == [ThreadKey(.emailThread, network: .email, id: "m0@x")])
    }

    @Test func webChatSessions() {
        var desk = Desk()
        let (s1, _) = desk.receive(
            ThreadingInput(
                network: .webchat, kind: .chat, externalID: "c1", threadID: "session-1", authorExternalID: "visitor-9"))
        let (s1b, _) = desk.receive(
            ThreadingInput(
                network: .webchat, kind: .chat, externalID: "c2", threadID: "session-1", authorExternalID: "visitor-9"))
        let (s2, _) = desk.receive(
            ThreadingInput(
                network: .webchat, kind: .chat, externalID: "c3", threadID: "session-2", authorExternalID: "visitor-9"))
        #expect(s1 == s1b)
        #expect(s2 != s1)
    }

    @Test func resolvedReopensButClosedStartsANewLinkedConversation() {
        var desk = Desk()
        let (dm, _) = desk.receive(
            ThreadingInput(
                network: .messenger, kind: .directMessage, externalID: "m1", threadID: "p1", authorExternalID: "p1"))
        desk.setStatus(dm, .resolved)
        let (again, d) = desk.receive(
            ThreadingInput(
                network: .messenger, kind: .directMessage, externalID: "m2", threadID: "p1", authorExternalID: "p1"))
        #expect(again == dm)
        #expect(d == .existing(dm, evidence: .thread(ThreadKey(.directMessages, network: .messenger, id: "p1"))))
        desk.setStatus(dm, .closed)
        let (fresh, d2) = desk.receive(
            ThreadingInput(
                network: .messenger, kind: .directMessage, externalID: "m3", threadID: "p1", authorExternalID: "p1"))
        #expect(fresh != dm)
        #expect(d2 == .startNew(previous: dm))
        // The DM thread key now points at the new conversation.
        let (next, _) = desk.receive(
            ThreadingInput(
                network: .messenger, kind: .directMessage, externalID: "m4", threadID: "p1", authorExternalID: "p1"))
        #expect(next == fresh)
    }
}
