import Foundation
import RapportCommunity
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Community store: members, ideas, votes, status, moderation, mail queue")
struct CommunityStoreTests {
    static let at = Date(timeIntervalSince1970: 1_770_000_000)

    static func idea(
        _ posts: CommunityPostStore, _ member: Int64, _ title: String, hold: ModerationScreen.HoldReason? = nil
    ) async throws -> CommunityPost {
        try await posts.create(.init(kind: .idea, memberID: member, title: title, body: "body of \(title)", hold: hold))
    }

    static func mail(_ voter: CommunityPostStore.Voter) -> CommunityMailStore.Draft {
        .init(to: voter.email, subject: "news", body: "hello \(voter.name)", key: "k-\(voter.memberID)-\(UUID())")
    }

    @Test(
        "a member is a customer: an invitation finds the customer by email or creates one, once",
        arguments: TestEngine.available)
    func membersAreCustomers(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let seed = ExperienceSeedWriter(database: db)
            let dana = try await seed.customer(name: "Dana", email: "dana@example.org", at: Self.at)
            let members = CommunityMemberStore(database: db)
            let joined = try await members.findOrCreate(email: "dana@example.org", displayName: "Dana W")
            #expect(joined.created && joined.member.customerID == dana)
            let again = try await members.findOrCreate(email: "dana@example.org", displayName: "Other name")
            #expect(!again.created && again.member.id == joined.member.id && again.member.displayName == "Dana W")
            let stranger = try await members.findOrCreate(email: "sam@example.org", displayName: "Sam")
            let samCustomer = try #require(stranger.member.customerID)
            #expect(samCustomer != dana)
            let identity = try await db.read { db in
                try await db.raw(
                    "SELECT customer_id FROM customer_identities WHERE kind = 'email' AND value = 'sam@example.org'"
                ).first()?.decode(column: "customer_id", as: Int64.self)
            }
            #expect(identity == samCustomer)
        }
    }

    @Test(
        "a sign-in link works once and only before it expires; a session ends with the account",
        arguments: TestEngine.available)
    func signInLinks(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let members = CommunityMemberStore(database: db)
            let member = try await members.findOrCreate(email: "dana@example.org", displayName: "Dana").member
            try await members.addSignInToken(
                hash: "h1", memberID: member.id, expiresAt: Self.at.addingTimeInterval(900), at: Self.at)
            let expires = Self.at.addingTimeInterval(86_400)
            #expect(
                try await members.redeem(
                    tokenHash: "h1", sessionHash: "s1", csrf: "c", sessionExpiresAt: expires,
                    at: Self.at.addingTimeInterval(901)) == nil,
                "expired")
            try await members.addSignInToken(
                hash: "h2", memberID: member.id, expiresAt: Self.at.addingTimeInterval(900), at: Self.at)
            let first = try await members.redeem(
                tokenHash: "h2", sessionHash: "s2", csrf: "c2", sessionExpiresAt: expires, at: Self.at)
            #expect(first?.id == member.id)
            #expect(
                try await members.redeem(
                    tokenHash: "h2", sessionHash: "s3", csrf: "c3", sessionExpiresAt: expires, at: Self.at) == nil,
                "used")
            #expect(try await members.session(tokenHash: "s2", now: Self.at)?.csrfToken == "c2")
            #expect(try await members.session(tokenHash: "s3", now: Self.at) == nil)
            try await members.deleteAccount(memberID: member.id, address: "127.0.0.1")
            #expect(try await members.session(tokenHash: "s2", now: Self.at) == nil)
            let gone = try #require(try await members.member(id: member.id))
            #expect(
                gone.status == .deleted && gone.email == nil && gone.customerID == nil
                    && gone.publicName == "Former member")
            // The address may join again, as a new member.
            let back = try await members.findOrCreate(email: "dana@example.org", displayName: "Dana")
            #expect(back.created && back.member.id != member.id)
        }
    }

    @Test(
        "one vote per member: toggles, never counts twice, closed ideas refuse votes", arguments: TestEngine.available)
    func votes(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let members = CommunityMemberStore(database: db)
            let posts = CommunityPostStore(database: db)
            let ana = try await members.findOrCreate(email: "ana@example.org", displayName: "Ana").member
            let bo = try await members.findOrCreate(email: "bo@example.org", displayName: "Bo").member
            let idea = try await Self.idea(posts, ana.id, "Dark mode")
            #expect(try await posts.toggleVote(ideaID: idea.id, memberID: bo.id)?.voted == true)
            let off = try await posts.toggleVote(ideaID: idea.id, memberID: bo.id)
            #expect(off?.voted == false && off?.votes == 0)
            let on = try await posts.toggleVote(ideaID: idea.id, memberID: bo.id)
            #expect(on?.voted == true && on?.votes == 1)
            // Racing toggles by one member: whatever order, at most one vote is counted.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { _ = try await posts.toggleVote(ideaID: idea.id, memberID: ana.id) } }
                try await group.waitForAll()
            }
            let votes = try #require(try await posts.post(id: idea.id)).votes
            #expect(votes == 1 || votes == 2)
            // The database refuses a second row for one member.
            await #expect(throws: (any Error).self) {
                try await db.transaction { db in
                    try await db.raw(
                        "INSERT INTO community_votes (post_id, member_id, created_ms) VALUES (\(bind: idea.id), \(bind: bo.id), 1)"
                    ).run()
                }
            }
            let pending = try await Self.idea(posts, bo.id, "Held", hold: .firstPost)
            #expect(try await posts.toggleVote(ideaID: pending.id, memberID: ana.id) == nil, "not published")
            _ = try await posts.setStatus(
                .init(ideaID: idea.id, status: .declined, response: "No", duplicateOf: nil), by: nil, address: nil,
                compose: Self.mail)
            #expect(try await posts.toggleVote(ideaID: idea.id, memberID: bo.id) == nil, "declined")
        }
    }

    @Test(
        "a duplicate moves its votes to the original, each member once; voters are mailed in the same transaction; revenue sums voters' orders",
        arguments: TestEngine.available)
    func duplicateAndRevenue(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let seed = ExperienceSeedWriter(database: db)
            let dana = try await seed.customer(name: "Dana", email: "dana@example.org", at: Self.at)
            _ = try await OrderStore(database: db).record([
                NewOrder(
                    line: 2, customer: .id(dana), orderID: "A-1", orderedAt: Self.at, amount: 100, currency: "EUR"),
                NewOrder(
                    line: 3, customer: .id(dana), orderID: "A-2", orderedAt: Self.at, amount: 25.5, currency: "EUR"),
            ])
            let members = CommunityMemberStore(database: db)
            let posts = CommunityPostStore(database: db)
            let danaMember = try await members.findOrCreate(email: "dana@example.org", displayName: "Dana").member
            let bo = try await members.findOrCreate(email: "bo@example.org", displayName: "Bo").member
            let cy = try await members.findOrCreate(email: "cy@example.org", displayName: "Cy").member
            let original = try await Self.idea(posts, cy.id, "Dark mode")
            let duplicate = try await Self.idea(posts, bo.id, "Night theme")
            _ = try await posts.toggleVote(ideaID: original.id, memberID: danaMember.id)
            _ = try await posts.toggleVote(ideaID: duplicate.id, memberID: danaMember.id)
            _ = try await posts.toggleVote(ideaID: duplicate.id, memberID: bo.id)

            let before = try #require(try await posts.ideaSummary(id: duplicate.id, viewerMemberID: bo.id))
            #expect(before.revenue == 125.5 && before.customers == 1 && before.votedByViewer)

            // An unknown original changes nothing.
            await #expect(throws: StoreError.self) {
                _ = try await posts.setStatus(
                    .init(ideaID: duplicate.id, status: .duplicate, response: "dup", duplicateOf: 9_999), by: nil,
                    address: nil, compose: Self.mail)
            }
            #expect(try await posts.post(id: duplicate.id)?.status == .open)
            #expect(try await CommunityMailStore(database: db).counts().isEmpty)

            let result = try #require(
                try await posts.setStatus(
                    .init(
                        ideaID: duplicate.id, status: .duplicate, response: "Same as Dark mode",
                        duplicateOf: original.id), by: nil, address: "10.0.0.1", compose: Self.mail))
            #expect(result.previous == .open && result.notified == 2 && result.votesMoved == 1)
            let merged = try #require(try await posts.post(id: original.id))
            #expect(merged.votes == 2, "Dana once, Bo moved")
            let closed = try #require(try await posts.post(id: duplicate.id))
            #expect(closed.votes == 0 && closed.status == .duplicate && closed.duplicateOf == original.id)
            #expect(try await CommunityMailStore(database: db).counts() == ["pending": 2])
            #expect(try await AuditLog(database: db).recent().contains { $0.action == "community.idea.status" })
            // The same status again with new words is not news.
            let again = try await posts.setStatus(
                .init(ideaID: duplicate.id, status: .duplicate, response: "reworded", duplicateOf: original.id),
                by: nil, address: nil, compose: Self.mail)
            #expect(again?.notified == 0)
        }
    }

    @Test("the mail queue hands each mail to one sender, retries and gives up", arguments: TestEngine.available)
    func mailQueue(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let members = CommunityMemberStore(database: db)
            let posts = CommunityPostStore(database: db)
            let ana = try await members.findOrCreate(email: "ana@example.org", displayName: "Ana").member
            let idea = try await Self.idea(posts, ana.id, "Dark mode")
            _ = try await posts.toggleVote(ideaID: idea.id, memberID: ana.id)
            _ = try await posts.setStatus(
                .init(ideaID: idea.id, status: .planned, response: "Soon", duplicateOf: nil), by: nil, address: nil,
                compose: Self.mail)
            let mails = CommunityMailStore(database: db)
            let now = Date()
            let claimed = try await mails.claim(now: now)
            #expect(claimed.count == 1 && claimed.first?.to == "ana@example.org" && claimed.first?.attempts == 1)
            #expect(try await mails.claim(now: now).isEmpty, "claimed once")
            try await mails.failed(id: claimed[0].id, error: "421 busy", retryAt: now.addingTimeInterval(60))
            #expect(try await mails.claim(now: now).isEmpty, "not due yet")
            let retried = try await mails.claim(now: now.addingTimeInterval(61))
            #expect(retried.first?.attempts == 2)
            try await mails.sent(id: retried[0].id)
            #expect(try await mails.counts() == ["sent": 1])
        }
    }

    @Test(
        "moderation: pending posts wait, approval publishes and trusts, rejection and blocking are audited",
        arguments: TestEngine.available)
    func moderation(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let members = CommunityMemberStore(database: db)
            let posts = CommunityPostStore(database: db)
            let ana = try await members.findOrCreate(email: "ana@example.org", displayName: "Ana").member
            let spammer = try await members.findOrCreate(email: "spam@example.org", displayName: "Spam").member
            let first = try await Self.idea(posts, ana.id, "First", hold: .firstPost)
            let spam = try await Self.idea(posts, spammer.id, "Buy", hold: .link)
            let spam2 = try await Self.idea(posts, spammer.id, "Buy more", hold: .spam)
            #expect(try await posts.ideas(viewerMemberID: nil).isEmpty, "nothing pending is public")
            #expect(try await posts.moderationQueue().map(\.post.id) == [first.id, spam.id, spam2.id])
            let approved = try await posts.decide(postID: first.id, .approve, by: nil, address: nil)
            #expect(approved?.state == .published)
            #expect(try await members.member(id: ana.id)?.trusted == true)
            await #expect(throws: StoreError.self) {
                _ = try await posts.decide(postID: first.id, .approve, by: nil, address: nil)
            }
            let rejected = try await posts.decide(
                postID: spam.id, .reject(reason: "advertising"), by: nil, address: nil)
            #expect(rejected?.state == .rejected && rejected?.rejectionReason == "advertising")
            #expect(try await posts.block(memberID: spammer.id, reason: "spam", by: nil, address: nil))
            #expect(try await posts.post(id: spam2.id)?.state == .rejected)
            #expect(try await posts.moderationQueue().isEmpty)
            #expect(try await posts.ideas(viewerMemberID: nil).map(\.post.id) == [first.id])
            let actions = Set(try await AuditLog(database: db).recent().map(\.action))
            #expect(
                actions.isSuperset(of: ["community.post.approve", "community.post.reject", "community.member.block"]))
            #expect(try await members.member(id: spammer.id)?.status == .blocked)
        }
    }

    @Test(
        "erasing the customer empties their community account and the text of their posts",
        arguments: TestEngine.available)
    func erasure(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let members = CommunityMemberStore(database: db)
            let posts = CommunityPostStore(database: db)
            let dana = try await members.findOrCreate(email: "dana@example.org", displayName: "Dana Whitfield").member
            let other = try await members.findOrCreate(email: "bo@example.org", displayName: "Bo").member
            let idea = try await Self.idea(posts, dana.id, "Dana's flat in Leeds")
            let kept = try await Self.idea(posts, other.id, "Bo's idea")
            _ = try await posts.toggleVote(ideaID: kept.id, memberID: dana.id)
            let report = try await CustomerErasure.erase(db, customerID: try #require(dana.customerID))
            #expect(report != nil)
            let gone = try #require(try await members.member(id: dana.id))
            #expect(gone.status == .deleted && gone.email == nil && gone.displayName.isEmpty)
            let erased = try #require(try await posts.post(id: idea.id))
            #expect(!erased.body.contains("Dana") && erased.title?.contains("Leeds") == false)
            #expect(erased.authorName == "Former member")
            #expect(try await posts.post(id: kept.id)?.title == "Bo's idea")
            #expect(try await posts.post(id: kept.id)?.votes == 0, "the vote went with the account")
        }
    }

    @Test(
        "reports: once per member, never one's own; three hide the post for a moderator; approving clears them",
        arguments: TestEngine.available)
    func reports(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let members = CommunityMemberStore(database: db)
            let posts = CommunityPostStore(database: db)
            var people: [CommunityMember] = []
            for name in ["a", "b", "c", "d"] {
                people.append(try await members.findOrCreate(email: "\(name)@example.org", displayName: name).member)
            }
            let idea = try await Self.idea(posts, people[0].id, "Reported")
            #expect(try await posts.report(postID: idea.id, memberID: people[0].id, reason: "x") == .ownPost)
            #expect(try await posts.report(postID: 9_999, memberID: people[1].id, reason: "x") == .notFound)
            #expect(
                try await posts.report(postID: idea.id, memberID: people[1].id, reason: "rude")
                    == .reported(count: 1, hidden: false))
            #expect(
                try await posts.report(postID: idea.id, memberID: people[1].id, reason: "again")
                    == .reported(count: 1, hidden: false))
            #expect(try await posts.moderationQueue().first?.reports == 1, "in the queue, still public")
            #expect(try await posts.ideas(viewerMemberID: nil).count == 1)
            _ = try await posts.report(postID: idea.id, memberID: people[2].id, reason: "rude")
            #expect(
                try await posts.report(postID: idea.id, memberID: people[3].id, reason: "rude")
                    == .reported(count: 3, hidden: true))
            #expect(try await posts.ideas(viewerMemberID: nil).isEmpty, "hidden")
            let approved = try await posts.decide(postID: idea.id, .approve, by: nil, address: nil)
            #expect(approved?.state == .published && approved?.holdReason == nil)
            #expect(try await posts.moderationQueue().isEmpty)
            #expect(
                try await posts.report(postID: idea.id, memberID: people[1].id, reason: "still")
                    == .reported(count: 1, hidden: false))
        }
    }
}

enum CustomerErasure {
    static func erase(_ db: Database, customerID: Int64) async throws -> ErasureReport? {
        try await CustomerEraser(database: db).erase(customerID: customerID, by: nil, from: "test")
    }
}
