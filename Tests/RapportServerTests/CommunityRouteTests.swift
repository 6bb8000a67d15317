import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCommunity
import RapportOutbound
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The customer community (#16): members, ideas, votes, status emails, moderation, through pages and API.
@Suite("Community")
struct CommunityRouteTests {
    @Test(
        "an invitation link signs the member in once, with a cookie of its own; the profile shows points, rank and badges; deleting the account leaves posts anonymous",
        arguments: TestEngine.available)
    func membersAndSessions(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let invitation = try await services.community.actions.invite(
                email: "Dana@Example.org", name: "Dana Whitfield", address: nil)
            #expect(invitation.created && invitation.member.email == "dana@example.org")
            #expect(invitation.member.customerID != nil, "a member is a customer")
            let path = try #require(URLComponents(string: invitation.link)?.path)
            #expect(path.hasPrefix("/community/signin/"))
            let opened = try await client.execute(uri: path, method: .get)
            #expect(opened.status == .found)
            #expect(opened.headers[.location] == "/community/members/\(invitation.member.id)")
            let cookie = DeskTest.cookies(opened.headers)
            #expect(cookie.contains("rapport_community=") && !cookie.contains("rapport_session="))
            // Once only.
            let again = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
            #expect(again.status == .notFound)
            #expect(String(buffer: again.body).contains("used already or has expired"))
            // The community cookie is no desk session.
            let inbox = try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: cookie])
            #expect(inbox.headers[.location]?.hasPrefix("/login") == true, "\(inbox.status)")

            let session = (invitation.member, cookie, "")
            let page = try await client.execute(uri: "/community/ideas", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(DeskTest.field("_csrf", in: String(buffer: page.body)))
            let ideaID = try await CommunityTest.postIdea(
                client, (session.0, cookie, csrf), title: "Dark mode", body: "Please add a dark mode")
            _ = try await services.community.actions.approve(
                postID: ideaID, by: try await DeskTest.people(services)[.supervisor]!.user, address: nil)
            try await client.execute(
                uri: "/community/members/\(invitation.member.id)", method: .get, headers: [.cookie: cookie]
            ) {
                let html = String(buffer: $0.body)
                #expect($0.status == .ok)
                #expect(html.contains("<dd class=\"points\">2</dd>"))
                #expect(html.contains("<dd class=\"rank\">Newcomer</dd>"))
                #expect(html.contains("Idea maker"))
                #expect(html.contains(">DW</span> Dana Whitfield"))
                #expect(html.contains("Delete my account"))
            }
            // Others see the profile but no delete form.
            try await client.execute(uri: "/community/members/\(invitation.member.id)", method: .get) {
                #expect($0.status == .ok && !String(buffer: $0.body).contains("Delete my account"))
            }

            // Deletion needs the confirmation and the form token.
            let unconfirmed = try await CommunityTest.form(
                client, "/community/account/delete", cookie: cookie, [("_csrf", csrf)])
            #expect(unconfirmed.status == .unprocessableContent)
            let forged = try await CommunityTest.form(
                client, "/community/account/delete", cookie: cookie, [("confirm", "DELETE"), ("_csrf", "x")])
            #expect(forged.status == .forbidden)
            let deleted = try await CommunityTest.form(
                client, "/community/account/delete", cookie: cookie, [("confirm", "DELETE"), ("_csrf", csrf)])
            #expect(deleted.status == .seeOther)
            try await client.execute(uri: "/community/ideas/\(ideaID)", method: .get, headers: [.cookie: cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Former member") && !html.contains("Dana Whitfield"))
                #expect(!html.contains("/community/signout"), "signed out")
            }
            #expect(
                try await client.execute(uri: "/community/members/\(invitation.member.id)", method: .get).status
                    == .notFound)
            #expect(try await services.desk.audit.recent().contains { $0.action == "community.member.delete" })
        }
    }

    @Test(
        "a member submits an idea, another votes twice and it counts once, a moderator plans it with a response and the voter gets the email",
        arguments: TestEngine.available)
    func ideaLifecycle(engine: TestEngine) async throws {
        let recorder = MailRecorder()
        try await TestApp.test(engine, communityMail: recorder.mail) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let ana = try await CommunityTest.member(client, services, email: "ana@example.org", name: "Ana")
            let bo = try await CommunityTest.member(client, services, email: "bo@example.org", name: "Bo")
            // Bo's first post waited and was approved: Bo is trusted.
            let boFirst = try await CommunityTest.postIdea(client, bo, title: "Bo's first", body: "Something")
            _ = try await services.community.actions.approve(
                postID: boFirst, by: people[.supervisor]!.user, address: nil)

            let idea = try await CommunityTest.postIdea(
                client, ana, title: "eSIM for tablets", body: "Let me add a tablet to my plan")
            // Ana is new: her idea waits; only she sees it.
            try await client.execute(uri: "/community/ideas/\(idea)", method: .get, headers: [.cookie: ana.cookie]) {
                #expect($0.status == .ok && String(buffer: $0.body).contains("waiting for a moderator"))
            }
            #expect(try await client.execute(uri: "/community/ideas/\(idea)", method: .get).status == .notFound)
            #expect(
                try await client.execute(uri: "/community/ideas/\(idea)", method: .get, headers: [.cookie: bo.cookie])
                    .status == .notFound)
            try await client.execute(uri: "/community/ideas", method: .get) {
                #expect(!String(buffer: $0.body).contains("eSIM for tablets"))
            }
            let queue = try await client.execute(uri: "/api/v1/community/moderation", method: .get, headers: supervisor)
            let items = json(queue.body)["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["id"] as? Int == Int(idea) && items.first?["reason"] as? String == "first_post")
            #expect(items.first?["kind"] as? String == "idea" && items.first?["memberId"] as? Int == Int(ana.member.id))
            try await client.execute(
                uri: "/api/v1/community/moderation/\(idea)/approve", method: .post, headers: supervisor
            ) { #expect($0.status == .ok && json($0.body)["state"] as? String == "published") }

            // Bo votes, votes again (takes it back), votes again: one vote.
            func vote() async throws -> TestResponse {
                try await CommunityTest.form(
                    client, "/community/ideas/\(idea)/vote", cookie: bo.cookie, [("_csrf", bo.csrf)])
            }
            func votes() async throws -> Int? {
                try await services.community.posts.post(id: idea)?.votes
            }
            #expect(try await vote().status == .seeOther)
            #expect(try await votes() == 1)
            #expect(try await vote().status == .seeOther)
            #expect(try await votes() == 0)
            _ = try await vote()
            #expect(try await votes() == 1)
            // A vote without the form token, or by a visitor, counts nothing.
            #expect(
                try await CommunityTest.form(
                    client, "/community/ideas/\(idea)/vote", cookie: bo.cookie, [("_csrf", "forged")]
                ).status == .forbidden)
            #expect(
                try await CommunityTest.form(client, "/community/ideas/\(idea)/vote", cookie: "", []).status
                    == .unauthorized)
            #expect(try await votes() == 1)
            try await client.execute(uri: "/community/ideas/\(idea)", method: .get, headers: [.cookie: bo.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("<strong class=\"vote-count\">1</strong>"))
                #expect(html.contains("Remove my vote"))
            }

            // A comment by trusted Bo is published at once.
            let comment = try await CommunityTest.form(
                client, "/community/ideas/\(idea)/comments", cookie: bo.cookie,
                [("body", "Yes please, for my iPad"), ("_csrf", bo.csrf)])
            #expect(comment.status == .seeOther)
            try await client.execute(uri: "/community/ideas/\(idea)", method: .get) {
                #expect(String(buffer: $0.body).contains("Yes please, for my iPad"))
            }

            // The moderator plans it with a response: the voter is emailed.
            let planned = try await client.execute(
                uri: "/api/v1/community/ideas/\(idea)/status", method: .post, headers: supervisor,
                body: ByteBuffer(string: #"{"status":"planned","response":"Coming in the spring release."}"#))
            #expect(planned.status == .ok)
            #expect(json(planned.body)["notified"] as? Int == 1 && json(planned.body)["previous"] as? String == "open")
            try await eventually { recorder.all.count == 1 }
            let mail = try #require(recorder.all.first)
            #expect(mail.to == "bo@example.org" && mail.subject == "Planned: eSIM for tablets")
            #expect(
                mail.text.contains("Coming in the spring release.") && mail.text.contains("/community/ideas/\(idea)"))
            try await eventually { try await services.community.mailQueue.counts() == ["sent": 1] }
            try await client.execute(uri: "/community/ideas/\(idea)", method: .get) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Official response") && html.contains("Coming in the spring release."))
                #expect(html.contains("status-planned"))
            }
            #expect(try await services.desk.audit.recent().contains { $0.action == "community.idea.status" })
            // Ana's points moved: her idea was adopted and got a vote.
            try await client.execute(uri: "/community/members/\(ana.member.id)", method: .get) {
                #expect(String(buffer: $0.body).contains("<dd class=\"points\">\(2 + 1 + 10)</dd>"))
            }
        }
    }

    @Test(
        "status changes are checked before anything is stored; a duplicate moves its votes to the original, each member once",
        arguments: TestEngine.available)
    func statusAndDuplicates(engine: TestEngine) async throws {
        let recorder = MailRecorder()
        try await TestApp.test(engine, communityMail: recorder.mail) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let agent = DeskTest.bearer(people[.agent]!.token)
            let actions = services.community.actions
            var members: [CommunityMember] = []
            for name in ["ana", "bo", "cy"] {
                members.append(try await actions.invite(email: "\(name)@example.org", name: name, address: nil).member)
            }
            let original = try await actions.postIdea(title: "Dark mode", body: "Please", by: members[0])
            let duplicate = try await actions.postIdea(title: "Night theme", body: "Please", by: members[1])
            for post in [original, duplicate] {
                _ = try await actions.approve(postID: post.id, by: people[.supervisor]!.user, address: nil)
            }
            _ = try await actions.vote(ideaID: original.id, by: members[2])
            _ = try await actions.vote(ideaID: duplicate.id, by: members[2])
            _ = try await actions.vote(ideaID: duplicate.id, by: members[1])

            func status(_ body: String, _ headers: HTTPFields = [:], id: Int64? = nil) async throws -> TestResponse {
                var all = supervisor
                for field in headers { all[field.name] = field.value }
                return try await client.execute(
                    uri: "/api/v1/community/ideas/\(id ?? duplicate.id)/status", method: .post, headers: all,
                    body: ByteBuffer(string: body))
            }
            #expect(try await status(#"{"status":"planned","response":"x"}"#, agent).status == .forbidden)
            for (body, code, field) in [
                (#"{"status":"completed","response":"x"}"#, HTTPResponse.Status.unprocessableContent, "status"),
                (#"{"status":"planned","response":"  "}"#, .unprocessableContent, "response"),
                (#"{"status":"duplicate","response":"x"}"#, .unprocessableContent, "duplicateOf"),
                (#"{"status":"duplicate","response":"x","duplicateOf":999}"#, .unprocessableContent, "duplicateOf"),
                (
                    #"{"status":"duplicate","response":"x","duplicateOf":\#(duplicate.id)}"#, .unprocessableContent,
                    "duplicateOf"
                ),
                (
                    #"{"status":"planned","response":"x","duplicateOf":\#(original.id)}"#, .unprocessableContent,
                    "duplicateOf"
                ),
                (#"{"status":"planned"}"#, .unprocessableContent, "response"),
                (
                    #"{"status":"planned","response":"\#(String(repeating: "a", count: 5_001))"}"#, .contentTooLarge,
                    "response"
                ),
            ] {
                let response = try await status(body)
                #expect(response.status == code, "\(body.prefix(80))")
                #expect(
                    (json(response.body)["error"] as? [String: Any])?["field"] as? String == field, "\(body.prefix(80))"
                )
            }
            #expect(try await status(#"{"status":"planned","response":"x"}"#, id: 12_345).status == .notFound)
            #expect(try await services.community.posts.post(id: duplicate.id)?.status == .open)
            #expect(try await services.community.mailQueue.counts().isEmpty, "nothing stored on error")

            let merged = try await status(
                #"{"status":"duplicate","response":"Same as Dark mode","duplicateOf":\#(original.id)}"#)
            #expect(merged.status == .ok)
            #expect(json(merged.body)["votesMoved"] as? Int == 1 && json(merged.body)["notified"] as? Int == 2)
            #expect(try await services.community.posts.post(id: original.id)?.votes == 2)
            try await eventually { recorder.all.count == 2 }
            #expect(Set(recorder.all.map(\.to)) == ["bo@example.org", "cy@example.org"])
            #expect(recorder.all.allSatisfy { $0.text.contains("/community/ideas/\(original.id)") })
            // Closed: no more votes.
            await #expect(throws: DeskError.self) { _ = try await actions.vote(ideaID: duplicate.id, by: members[0]) }
            try await client.execute(uri: "/community/ideas/\(duplicate.id)", method: .get) {
                #expect(String(buffer: $0.body).contains("href=\"/community/ideas/\(original.id)\""))
            }
        }
    }

    @Test(
        "the product team's ranking sorts by votes, by the voters' revenue and by paying customers",
        arguments: TestEngine.available)
    func ranking(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let actions = services.community.actions
            let rich = try await actions.invite(email: "rich@example.org", name: "Rich", address: nil).member
            var small: [CommunityMember] = []
            for i in 0..<3 {
                small.append(try await actions.invite(email: "s\(i)@example.org", name: "S\(i)", address: nil).member)
            }
            _ = try await OrderStore(database: services.database).record([
                NewOrder(
                    line: 2, customer: .email("rich@example.org"), orderID: "R-1", orderedAt: Date(), amount: 5_000,
                    currency: "EUR"),
                NewOrder(
                    line: 3, customer: .email("s0@example.org"), orderID: "S-1", orderedAt: Date(), amount: 10,
                    currency: "EUR"),
                NewOrder(
                    line: 4, customer: .email("s1@example.org"), orderID: "S-2", orderedAt: Date(), amount: 10,
                    currency: "EUR"),
            ])
            let popular = try await actions.postIdea(title: "Popular", body: "many voters", by: small[0])
            let valuable = try await actions.postIdea(title: "Valuable", body: "one rich voter", by: rich)
            for post in [popular, valuable] {
                _ = try await actions.approve(postID: post.id, by: people[.supervisor]!.user, address: nil)
            }
            for member in small { _ = try await actions.vote(ideaID: popular.id, by: member) }
            _ = try await actions.vote(ideaID: valuable.id, by: rich)

            func order(_ sort: String) async throws -> [[String: Any]] {
                let response = try await client.execute(
                    uri: "/api/v1/community/ideas?sort=\(sort)", method: .get,
                    headers: DeskTest.bearer(people[.analyst]!.token))
                #expect(response.status == .ok)
                return json(response.body)["items"] as? [[String: Any]] ?? []
            }
            #expect(try await order("votes").compactMap { $0["title"] as? String } == ["Popular", "Valuable"])
            let byRevenue = try await order("revenue")
            #expect(byRevenue.compactMap { $0["title"] as? String } == ["Valuable", "Popular"])
            #expect(byRevenue.first?["revenue"] as? Double == 5_000 && byRevenue.first?["votes"] as? Int == 1)
            #expect(
                byRevenue.first?["memberId"] as? Int == Int(rich.id) && byRevenue.first?["status"] as? String == "open")
            #expect(byRevenue.last?["revenue"] as? Double == 20)
            #expect(try await order("customers").compactMap { $0["title"] as? String } == ["Popular", "Valuable"])
            let bad = try await client.execute(
                uri: "/api/v1/community/ideas?sort=hype", method: .get,
                headers: DeskTest.bearer(people[.analyst]!.token))
            #expect(bad.status == .badRequest && errorCode(bad.body) == "invalid_sort")
            // The public list sorts too (votes, newest, status) but never by revenue.
            try await client.execute(uri: "/community/ideas?sort=newest", method: .get) {
                let html = String(buffer: $0.body)
                #expect($0.status == .ok)
                let valuableAt = try #require(html.range(of: "Valuable")?.lowerBound)
                let popularAt = try #require(html.range(of: "Popular")?.lowerBound)
                #expect(valuableAt < popularAt)
            }
            #expect(try await client.execute(uri: "/community/ideas?sort=revenue", method: .get).status == .badRequest)
        }
    }

    @Test(
        "moderation: link spam and abuse wait, pending and rejected posts never appear, approve/reject/block are audited",
        arguments: TestEngine.available)
    func moderation(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let actions = services.community.actions
            let trusted = try await CommunityTest.member(client, services, email: "t@example.org", name: "Trusted")
            let first = try await CommunityTest.postIdea(client, trusted, title: "Family plan", body: "Share data")
            _ = try await actions.approve(postID: first, by: people[.supervisor]!.user, address: nil)

            let link = try await CommunityTest.postIdea(
                client, trusted, title: "Cheap phones", body: "Best deals at cheap-phones.shop/deal")
            let abuse = try await CommunityTest.postIdea(
                client, trusted, title: "Support", body: "Your support agents are idiots")
            let spammer = try await CommunityTest.member(client, services, email: "s@example.org", name: "Spammer")
            let spam = try await CommunityTest.postIdea(
                client, spammer, title: "Make money fast", body: "whatsapp me +44 7700 900123")
            let queue = try await client.execute(uri: "/api/v1/community/moderation", method: .get, headers: supervisor)
            let reasons = Dictionary(
                uniqueKeysWithValues: (json(queue.body)["items"] as? [[String: Any]] ?? []).map {
                    ($0["id"] as? Int ?? 0, $0["reason"] as? String ?? "")
                })
            #expect(reasons == [Int(link): "link", Int(abuse): "abuse", Int(spam): "spam"])
            try await client.execute(uri: "/community/ideas", method: .get) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Family plan"))
                #expect(!html.contains("Cheap phones") && !html.contains("idiots") && !html.contains("Make money"))
            }
            #expect(
                try await client.execute(
                    uri: "/api/v1/community/moderation", method: .get,
                    headers: DeskTest.bearer(people[.agent]!.token)
                ).status == .forbidden)

            // A moderator corrects the abusive one before approving it: audited with the old words.
            let edited = try await client.execute(
                uri: "/api/v1/community/moderation/\(abuse)/edit", method: .post, headers: supervisor,
                body: ByteBuffer(string: #"{"title":"Support","body":"Your support agents could answer faster"}"#))
            #expect(
                edited.status == .ok
                    && json(edited.body)["body"] as? String == "Your support agents could answer faster")
            let emptyEdit = try await client.execute(
                uri: "/api/v1/community/moderation/\(abuse)/edit", method: .post, headers: supervisor,
                body: ByteBuffer(string: #"{"body":" "}"#))
            #expect(emptyEdit.status == .unprocessableContent)
            #expect(
                try await client.execute(
                    uri: "/api/v1/community/moderation/\(first)/edit", method: .post, headers: supervisor,
                    body: ByteBuffer(string: #"{"body":"x"}"#)
                ).status == .conflict, "published posts are not edited by moderators")
            #expect(
                try await services.desk.audit.recent().contains {
                    $0.action == "community.post.edit" && $0.detail.contains("idiots")
                })
            // Reject needs a reason; a rejected post never appears, even to its author.
            let noReason = try await client.execute(
                uri: "/api/v1/community/moderation/\(link)/reject", method: .post, headers: supervisor,
                body: ByteBuffer(string: #"{"reason":""}"#))
            #expect(noReason.status == .unprocessableContent)
            let rejected = try await client.execute(
                uri: "/api/v1/community/moderation/\(link)/reject", method: .post, headers: supervisor,
                body: ByteBuffer(string: #"{"reason":"advertising"}"#))
            #expect(rejected.status == .ok && json(rejected.body)["state"] as? String == "rejected")
            #expect(
                try await client.execute(
                    uri: "/community/ideas/\(link)", method: .get, headers: [.cookie: trusted.cookie]
                )
                .status == .notFound)
            let twice = try await client.execute(
                uri: "/api/v1/community/moderation/\(link)/approve", method: .post, headers: supervisor)
            #expect(twice.status == .conflict)

            // The page, with the supervisor's desk session: block the spammer.
            let session = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            try await client.execute(uri: "/community/moderation", method: .get, headers: [.cookie: session.cookie]) {
                let html = String(buffer: $0.body)
                #expect($0.status == .ok)
                #expect(html.contains("Make money fast") && html.contains("looks like spam"))
                #expect(html.contains("/community/moderation/members/\(spammer.member.id)/block"))
                #expect(
                    html.contains("<a href=\"/community/moderation\">Community moderation</a>"),
                    "in the desk's navigation")
            }
            let agentSession = try await DeskTest.signIn(client, email: "agent@acme.test")
            #expect(
                try await client.execute(
                    uri: "/community/moderation", method: .get, headers: [.cookie: agentSession.cookie]
                )
                .status == .forbidden)
            let blocked = try await client.execute(
                uri: "/community/moderation/members/\(spammer.member.id)/block", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)&reason=spam"))
            #expect(blocked.status == .seeOther)
            #expect(try await services.community.posts.post(id: spam)?.state == .rejected)
            // Blocked: signed out, cannot post.
            let attempt = try await CommunityTest.form(
                client, "/community/ideas", cookie: spammer.cookie,
                [("title", "again"), ("body", "again"), ("_csrf", spammer.csrf)])
            #expect(attempt.status == .unauthorized)
            let approve = try await client.execute(
                uri: "/community/moderation/\(abuse)/approve", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)"))
            #expect(approve.status == .seeOther)
            try await client.execute(uri: "/community/ideas/\(abuse)", method: .get) {
                let html = String(buffer: $0.body)
                #expect(html.contains("could answer faster") && !html.contains("idiots"))
            }
            let audit = Set(try await services.desk.audit.recent().map(\.action))
            #expect(
                audit.isSuperset(of: ["community.post.reject", "community.post.approve", "community.member.block"]))
        }
    }

    @Test(
        "hostile markup in every user field renders as text; oversized and malformed input is refused and nothing stored",
        arguments: TestEngine.available)
    func hostileInput(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let xss = "<script>alert(1)</script><img src=x onerror=alert(2)>"
            let member = try await CommunityTest.member(client, services, email: "x@example.org", name: xss)
            let idea = try await CommunityTest.postIdea(client, member, title: xss + " title", body: xss + " body")
            _ = try await services.community.actions.approve(postID: idea, by: people[.supervisor]!.user, address: nil)
            _ = try await CommunityTest.form(
                client, "/community/ideas/\(idea)/comments", cookie: member.cookie,
                [("body", xss + " comment"), ("_csrf", member.csrf)])
            _ = try await services.community.actions.setStatus(
                ideaID: idea, .init(status: "started", response: xss + " response"), by: people[.supervisor]!.user,
                address: nil)
            let fresh = try #require(try await services.community.members.member(id: member.member.id))
            let question = try await services.community.actions.postQuestion(
                title: xss + " question", body: xss + " details", by: fresh)
            let answer = try await services.community.actions.answer(
                questionID: question.id, body: xss + " answer", by: fresh)
            #expect(question.state == .published && answer.state == .published, "trusted after the approval")
            let session = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            for (uri, cookie) in [
                ("/community/questions", member.cookie), ("/community/questions/\(question.id)", member.cookie),
                ("/community/ideas", member.cookie), ("/community/ideas/\(idea)", member.cookie),
                ("/community/members/\(member.member.id)", member.cookie), ("/community/moderation", session.cookie),
            ] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) {
                    let html = String(buffer: $0.body)
                    #expect($0.status == .ok, "\(uri)")
                    #expect(!html.contains("<script>alert") && !html.contains("<img src=x"), "\(uri)")
                }
            }
            try await client.execute(uri: "/community/ideas/\(idea)", method: .get) {
                let html = String(buffer: $0.body)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; body"))
                #expect(
                    html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; comment"))
                #expect(html.contains("onerror=alert(2)&gt; response"))
            }

            // Refused, nothing stored: empty, too long, control characters, no token, not signed in.
            let before = try await services.community.posts.ideas(viewerMemberID: member.member.id).count
            for (fields, status) in [
                ([("title", ""), ("body", "x")], HTTPResponse.Status.unprocessableContent),
                ([("title", "x"), ("body", String(repeating: "b", count: 10_001))], .contentTooLarge),
                ([("title", String(repeating: "t", count: 201)), ("body", "x")], .contentTooLarge),
                ([("title", "nul\u{0}byte"), ("body", "x")], .unprocessableContent),
                ([("title", "two\nlines"), ("body", "x")], .unprocessableContent),
                ([("title", "x")], .badRequest),
            ] {
                let response = try await CommunityTest.form(
                    client, "/community/ideas", cookie: member.cookie, fields + [("_csrf", member.csrf)])
                #expect(response.status == status, "\(fields.map(\.0))")
            }
            #expect(
                try await CommunityTest.form(
                    client, "/community/ideas", cookie: member.cookie, [("title", "x"), ("body", "y")]
                ).status == .forbidden)
            #expect(
                try await CommunityTest.form(
                    client, "/community/ideas", cookie: "", [("title", "x"), ("body", "y"), ("_csrf", member.csrf)]
                ).status == .unauthorized)
            let pending = try await services.community.posts.moderationQueue()
            #expect(try await services.community.posts.ideas(viewerMemberID: nil).count == before && pending.isEmpty)
            // JSON errors name the problem.
            let malformed = try await client.execute(
                uri: "/api/v1/community/ideas/\(idea)/status", method: .post,
                headers: DeskTest.bearer(people[.supervisor]!.token), body: ByteBuffer(string: "{not json"))
            #expect(malformed.status == .badRequest && errorCode(malformed.body) == "invalid_json")
            #expect(
                try await client.execute(uri: "/community/ideas/abc", method: .get).status == .badRequest)
            #expect(
                try await client.execute(uri: "/community/signin/" + String(repeating: "z", count: 300), method: .get)
                    .status == .notFound)
        }
    }

    @Test(
        "the sign-in form emails a one-time link, limited per email and per address; without a mail relay it says so",
        arguments: TestEngine.available)
    func signInForm(engine: TestEngine) async throws {
        let recorder = MailRecorder()
        try await TestApp.test(engine, communityMail: recorder.mail) { client, services in
            func ask(_ email: String) async throws -> TestResponse {
                let page = try await client.execute(uri: "/community/signin", method: .get)
                let cookie = DeskTest.cookies(page.headers)
                let token = try #require(DeskTest.field("_csrf", in: String(buffer: page.body)))
                return try await CommunityTest.form(
                    client, "/community/signin", cookie: cookie,
                    [("email", email), ("name", "Eve <b>"), ("_csrf", token)])
            }
            let first = try await ask("eve@example.org")
            #expect(first.status == .ok && String(buffer: first.body).contains("Check your email"))
            let mail = try #require(recorder.all.first)
            #expect(mail.to == "eve@example.org")
            let link = try #require(
                mail.text.split(separator: "\n").first { $0.contains("/community/signin/") }.map(String.init))
            let path = try #require(URLComponents(string: link.trimmingCharacters(in: .whitespaces))?.path)
            let opened = try await client.execute(uri: path, method: .get)
            #expect(opened.status == .found && DeskTest.cookies(opened.headers).contains("rapport_community="))
            let member = try #require(try await services.community.members.member(email: "eve@example.org"))
            #expect(member.displayName == "Eve <b>" && member.customerID != nil)

            // The form token is checked.
            let forged = try await CommunityTest.form(
                client, "/community/signin", cookie: "", [("email", "eve@example.org"), ("_csrf", "x")])
            #expect(forged.status == .forbidden)
            #expect(try await ask("not an email").status == .unprocessableContent)
            // Five links per email in the window, then 429 with Retry-After.
            for _ in 0..<4 { #expect(try await ask("eve@example.org").status == .ok) }
            let limited = try await ask("eve@example.org")
            #expect(limited.status == .tooManyRequests && limited.headers[.retryAfter] != nil)
            #expect(recorder.all.count == 5)
            // And twenty per client address, whatever the emails.
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<16 { statuses.append(try await ask("other\(i)@example.org").status) }
            #expect(statuses.last == .tooManyRequests)
            #expect(statuses.filter { $0 == .ok }.count == 14)
        }
        try await TestApp.test(engine) { client, _ in
            let page = try await client.execute(uri: "/community/signin", method: .get)
            let token = try #require(DeskTest.field("_csrf", in: String(buffer: page.body)))
            let response = try await CommunityTest.form(
                client, "/community/signin", cookie: DeskTest.cookies(page.headers),
                [("email", "eve@example.org"), ("_csrf", token)])
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("ask the team for an invitation"))
        }
    }

    @Test(
        "a question is answered by a peer and accepted by the asker: the answer is marked Accepted and the answerer's points move",
        arguments: TestEngine.available)
    func questionsAndAnswers(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = people[.supervisor]!.user
            let asker = try await CommunityTest.member(client, services, email: "ask@example.org", name: "Asker")
            let helper = try await CommunityTest.member(client, services, email: "help@example.org", name: "Helper")
            let other = try await CommunityTest.member(client, services, email: "o@example.org", name: "Other")
            let created = try await CommunityTest.form(
                client, "/community/questions", cookie: asker.cookie,
                [("title", "How do I move my number?"), ("body", "From another operator"), ("_csrf", asker.csrf)])
            #expect(created.status == .seeOther)
            let question = try #require(
                Int64((created.headers[.location] ?? "").replacingOccurrences(of: "/community/questions/", with: "")))
            // A first post waits: not listed until approved.
            try await client.execute(uri: "/community/questions", method: .get) {
                #expect(!String(buffer: $0.body).contains("move my number"))
            }
            _ = try await services.community.actions.approve(postID: question, by: supervisor, address: nil)

            func answer(_ who: (member: CommunityMember, cookie: String, csrf: String), _ text: String) async throws
                -> Int64
            {
                let response = try await CommunityTest.form(
                    client, "/community/questions/\(question)/answers", cookie: who.cookie,
                    [("body", text), ("_csrf", who.csrf)])
                #expect(response.status == .seeOther)
                let location = response.headers[.location] ?? ""
                return try #require(Int64(location.components(separatedBy: "#answer-").last ?? ""))
            }
            let good = try await answer(helper, "Ask your old operator for a PAC code, then give it to us.")
            let meh = try await answer(other, "No idea, sorry")
            for id in [good, meh] {
                _ = try await services.community.actions.approve(postID: id, by: supervisor, address: nil)
            }
            func points(_ member: CommunityMember) async throws -> String {
                let html = String(
                    buffer: try await client.execute(uri: "/community/members/\(member.id)", method: .get).body)
                return html.components(separatedBy: "<dd class=\"points\">").dropFirst().first?
                    .components(separatedBy: "<").first ?? ""
            }
            #expect(try await points(helper.member) == "0")

            // Only the asker accepts.
            let stolen = try await CommunityTest.form(
                client, "/community/answers/\(good)/accept", cookie: helper.cookie, [("_csrf", helper.csrf)])
            #expect(stolen.status == .forbidden)
            try await client.execute(
                uri: "/community/questions/\(question)", method: .get, headers: [.cookie: asker.cookie]
            ) {
                #expect(String(buffer: $0.body).contains("/community/answers/\(good)/accept"))
            }
            let accepted = try await CommunityTest.form(
                client, "/community/answers/\(good)/accept", cookie: asker.cookie, [("_csrf", asker.csrf)])
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location] == "/community/questions/\(question)#answer-\(good)")
            // An upvote from another member.
            let upvote = try await CommunityTest.form(
                client, "/community/answers/\(good)/vote", cookie: other.cookie, [("_csrf", other.csrf)])
            #expect(upvote.status == .seeOther)
            try await client.execute(uri: "/community/questions/\(question)", method: .get) {
                let html = String(buffer: $0.body)
                let acceptedAt = try #require(html.range(of: "Accepted</p>")?.lowerBound)
                let goodAt = try #require(html.range(of: "PAC code")?.lowerBound)
                let mehAt = try #require(html.range(of: "No idea, sorry")?.lowerBound)
                #expect(acceptedAt < goodAt && goodAt < mehAt, "the accepted answer comes first, marked")
                #expect(html.contains("class=\"answer accepted\" id=\"answer-\(good)\""))
            }
            try await client.execute(uri: "/community/questions", method: .get) {
                let html = String(buffer: $0.body)
                #expect(html.contains("move my number") && html.contains("Answered"))
            }
            // 15 for the accepted answer, 1 for the upvote; one badge.
            #expect(try await points(helper.member) == "16")
            try await client.execute(uri: "/community/members/\(helper.member.id)", method: .get) {
                #expect(String(buffer: $0.body).contains("Helper</strong>"))
            }
            // Accepting another moves the points.
            _ = try await CommunityTest.form(
                client, "/community/answers/\(meh)/accept", cookie: asker.cookie, [("_csrf", asker.csrf)])
            #expect(try await points(helper.member) == "1")
            #expect(try await points(other.member) == "15")
            // Answers to a missing question, or a waiting one, are 404.
            let missing = try await CommunityTest.form(
                client, "/community/questions/999999/answers", cookie: helper.cookie,
                [("body", "x"), ("_csrf", helper.csrf)])
            #expect(missing.status == .notFound)
        }
    }

    @Test(
        "end to end through SMTP: a moderator ships an idea and every voter's email reaches a local SMTP sink",
        arguments: TestEngine.available)
    func statusMailThroughSMTP(engine: TestEngine) async throws {
        let sink = SMTPSink()
        try await sink.serve { port in
            let mail = CommunityMail.smtp(
                SMTPConfiguration(host: "127.0.0.1", port: port, from: EmailAddress("community@acme.test")))
            try await TestApp.test(engine, communityMail: mail) { client, services in
                let people = try await DeskTest.people(services)
                let actions = services.community.actions
                let author = try await actions.invite(email: "a@example.org", name: "Author", address: nil).member
                let idea = try await actions.postIdea(title: "Wi-Fi calling", body: "Please", by: author)
                _ = try await actions.approve(postID: idea.id, by: people[.supervisor]!.user, address: nil)
                for name in ["v1", "v2"] {
                    let voter = try await actions.invite(email: "\(name)@example.org", name: name, address: nil).member
                    _ = try await actions.vote(ideaID: idea.id, by: voter)
                }
                let shipped = try await client.execute(
                    uri: "/api/v1/community/ideas/\(idea.id)/status", method: .post,
                    headers: DeskTest.bearer(people[.admin]!.token),
                    body: ByteBuffer(string: #"{"status":"shipped","response":"Live for everyone today."}"#))
                #expect(shipped.status == .ok && json(shipped.body)["notified"] as? Int == 2)
                try await eventually { sink.messages.count == 2 }
                let all = sink.messages
                #expect(Set(all.flatMap(\.recipients)) == ["RCPT TO:<v1@example.org>", "RCPT TO:<v2@example.org>"])
                #expect(all.allSatisfy { $0.data.contains("Subject: Shipped: Wi-Fi calling") })
                #expect(all.allSatisfy { $0.data.contains("Live for everyone today.") })
                try await eventually { try await services.community.mailQueue.counts() == ["sent": 2] }
            }
        }
    }

    @Test(
        "the report button: a reported post joins the queue; three members hide it until a moderator approves it",
        arguments: TestEngine.available)
    func reports(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let author = try await CommunityTest.member(client, services, email: "a@example.org", name: "Author")
            let idea = try await CommunityTest.postIdea(client, author, title: "Loud idea", body: "Hear me")
            _ = try await services.community.actions.approve(postID: idea, by: people[.supervisor]!.user, address: nil)
            var reporters: [(member: CommunityMember, cookie: String, csrf: String)] = []
            for name in ["r1", "r2", "r3"] {
                reporters.append(
                    try await CommunityTest.member(client, services, email: "\(name)@example.org", name: name))
            }
            try await client.execute(
                uri: "/community/ideas/\(idea)", method: .get, headers: [.cookie: reporters[0].cookie]
            ) { #expect(String(buffer: $0.body).contains("/community/posts/\(idea)/report")) }
            let own = try await CommunityTest.form(
                client, "/community/posts/\(idea)/report", cookie: author.cookie, [("_csrf", author.csrf)])
            #expect(own.status == .conflict)
            func report(_ who: (member: CommunityMember, cookie: String, csrf: String)) async throws -> TestResponse {
                try await CommunityTest.form(
                    client, "/community/posts/\(idea)/report", cookie: who.cookie,
                    [("reason", "off-topic"), ("_csrf", who.csrf)])
            }
            let first = try await report(reporters[0])
            #expect(first.status == .seeOther && first.headers[.location] == "/community/ideas/\(idea)")
            func queue() async throws -> [[String: Any]] {
                let response = try await client.execute(
                    uri: "/api/v1/community/moderation", method: .get, headers: supervisor)
                return json(response.body)["items"] as? [[String: Any]] ?? []
            }
            #expect(try await queue().first?["reason"] as? String == "reported")
            #expect(try await client.execute(uri: "/community/ideas/\(idea)", method: .get).status == .ok)
            _ = try await report(reporters[1])
            let third = try await report(reporters[2])
            #expect(third.headers[.location] == "/community/ideas", "hidden now: back to the list")
            #expect(try await client.execute(uri: "/community/ideas/\(idea)", method: .get).status == .notFound)
            #expect(try await queue().first?["reports"] as? Int == 3)
            let approved = try await client.execute(
                uri: "/api/v1/community/moderation/\(idea)/approve", method: .post, headers: supervisor)
            #expect(approved.status == .ok)
            #expect(try await client.execute(uri: "/community/ideas/\(idea)", method: .get).status == .ok)
            #expect(try await queue().isEmpty)
        }
    }

    @Test(
        "the superfan rank opens a members-only board: its threads are 404 to everyone else and appear in no public list",
        arguments: TestEngine.available)
    func superfanBoard(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = people[.supervisor]!.user
            let actions = services.community.actions
            let fan = try await CommunityTest.member(client, services, email: "fan@example.org", name: "Fan")
            let regular = try await CommunityTest.member(client, services, email: "reg@example.org", name: "Regular")
            #expect(
                try await client.execute(uri: "/community/superfans", method: .get, headers: [.cookie: fan.cookie])
                    .status == .notFound)
            // Fifteen shipped ideas: 15 × (2 + 10 + 15) = 405 points, the Superfan rank.
            for i in 0..<15 {
                let member = try #require(try await services.community.members.member(id: fan.member.id))
                let idea = try await actions.postIdea(title: "Idea \(i)", body: "Good one", by: member)
                if idea.state == .pending {
                    _ = try await actions.approve(postID: idea.id, by: supervisor, address: nil)
                }
                _ = try await actions.setStatus(
                    ideaID: idea.id, .init(status: "shipped", response: "Done"), by: supervisor, address: nil)
            }
            try await client.execute(
                uri: "/community/members/\(fan.member.id)", method: .get, headers: [.cookie: fan.cookie]
            ) {
                let html = String(buffer: $0.body)
                #expect(
                    html.contains("<dd class=\"rank\">Superfan</dd>") && html.contains("href=\"/community/superfans\""))
            }
            #expect(
                try await client.execute(uri: "/community/superfans", method: .get, headers: [.cookie: fan.cookie])
                    .status == .ok)
            let created = try await CommunityTest.form(
                client, "/community/superfans", cookie: fan.cookie,
                [("title", "Secret beta programme"), ("body", "Who wants early access?"), ("_csrf", fan.csrf)])
            #expect(created.status == .seeOther)
            let thread = try #require(
                Int64((created.headers[.location] ?? "").replacingOccurrences(of: "/community/questions/", with: "")))
            try await client.execute(uri: "/community/superfans", method: .get, headers: [.cookie: fan.cookie]) {
                #expect(String(buffer: $0.body).contains("Secret beta programme"))
            }
            #expect(
                try await client.execute(
                    uri: "/community/questions/\(thread)", method: .get, headers: [.cookie: fan.cookie]
                ).status == .ok)
            // Everyone else: as if it did not exist.
            let callers: [HTTPFields] = [[.cookie: regular.cookie], [:]]
            for headers in callers {
                #expect(
                    try await client.execute(uri: "/community/superfans", method: .get, headers: headers).status
                        == .notFound)
                #expect(
                    try await client.execute(uri: "/community/questions/\(thread)", method: .get, headers: headers)
                        .status == .notFound)
            }
            #expect(
                try await client.execute(
                    uri: "/community/superfans/new", method: .get, headers: [.cookie: regular.cookie]
                ).status == .notFound)
            let posted = try await CommunityTest.form(
                client, "/community/superfans", cookie: regular.cookie,
                [("title", "Let me in"), ("body", "please"), ("_csrf", regular.csrf)])
            #expect(posted.status == .notFound)
            for (uri, fields) in [
                ("/community/questions/\(thread)/answers", [("body", "me!")]),
                ("/community/posts/\(thread)/report", []),
            ] {
                let response = try await CommunityTest.form(
                    client, uri, cookie: regular.cookie, fields + [("_csrf", regular.csrf)])
                #expect(response.status == .notFound, "\(uri)")
            }
            for uri in ["/community/questions", "/community/members/\(fan.member.id)"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: regular.cookie]) {
                    #expect(!String(buffer: $0.body).contains("Secret beta"), "\(uri)")
                }
            }
            // The fan's answer on their board works.
            let answered = try await CommunityTest.form(
                client, "/community/questions/\(thread)/answers", cookie: fan.cookie,
                [("body", "Me"), ("_csrf", fan.csrf)])
            #expect(answered.status == .seeOther)
        }
    }
}
