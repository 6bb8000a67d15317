import Foundation
import RapportServer
import RapportSimulation
import RapportStore

/// The demo's community: sixty of the experience customers (so ideas rank by their real order totals) with
/// ideas, votes, statuses and official responses, a merged duplicate, comments, questions with peer answers (some
/// accepted), and two posts waiting in the moderation queue. Everything goes through the community's use cases,
/// as members and the demo supervisor would do it.
enum DemoCommunity {
    static let firstNames = [
        "Dana", "Sam", "Lucía", "Omar", "Mei", "Tom", "Priya", "Jonas", "Aisha", "Marco", "Elena", "Kwame", "Sofia",
        "Ben", "Yuki", "Carlos", "Nina", "Ravi", "Hannah", "Diego",
    ]

    static let ideas: [(title: String, body: String)] = [
        ("eSIM for tablets on my plan", "Let me add a tablet to my mobile plan with an eSIM and share the data."),
        ("Roll over unused data", "Whatever data I do not use this month should carry over to the next one."),
        ("Wi-Fi calling on every phone", "Calls drop at home; Wi-Fi calling would fix it for many of us."),
        ("Family plan with shared data", "One bill and one data pool for the whole family."),
        (
            "Pause my plan while travelling",
            "Freeze the plan for a month when I am abroad instead of paying for nothing."
        ),
        ("Dark mode in the app", "The app is blinding at night."),
        ("Cheaper roaming in Latin America", "Roaming in Mexico and Colombia costs far more than in Europe."),
        ("Family data sharing", "Share my data allowance with my kids' phones."),
        ("Choose my bill date", "Let me pick the day my bill is due so it matches payday."),
        ("Live chat in Spanish", "Chat support in Spanish at the same hours as English."),
        ("Show data use per app", "See which apps use my data in the app."),
        ("Recycle my old phone in store", "Bring an old phone to any store and get credit for it."),
    ]

    static let questions: [(title: String, body: String, answers: [String])] = [
        (
            "How do I move my number from another operator?", "I want to keep my number when I switch.",
            [
                "Ask your old operator for a PAC code (text PAC to 65075), then enter it when you order. It moves within a working day.",
                "Worked for me last month, took about four hours.",
            ]
        ),
        (
            "Why is my 5G icon missing?", "My phone supports 5G but I only ever see 4G.",
            ["Check that 5G is on in Settings > Mobile data > Voice & data. Some phones need the latest update too."]
        ),
        (
            "Can I use my plan in the EU?", "Going to Spain in May.",
            [
                "Yes: your allowance works in the EU at no extra cost, up to the fair-use limit.",
                "Turn on data roaming before you land.",
            ]
        ),
        ("Voicemail PIN reset?", "I forgot my voicemail PIN.", ["Call 443 from your phone and choose option 3."]),
        ("Best phone for battery life?", "Looking for a phone that lasts two days.", []),
    ]

    /// Seeds once: does nothing when the community has members already.
    static func seed(_ services: RapportServices) async throws {
        let community = services.community
        guard try await community.members.member(email: "customer1@example.com") == nil,
            let supervisor = try await services.desk.users.credentials(email: "supervisor@rapport.demo")?.user
        else { return }
        let actions = community.actions
        var random = SplitMix64(state: 16_016)
        var members: [CommunityMember] = []
        for i in 1...60 {
            let name =
                "\(firstNames[(i - 1) % firstNames.count]) \(Character(UnicodeScalar(UInt8(65 + (i * 7) % 26))))."
            members.append(
                try await actions.invite(email: "customer\(i)@example.com", name: name, address: "demo").member)
        }
        /// Posts as the member (fresh, so their trust is current); a post the screen held is approved, as the demo
        /// supervisor would.
        func publish(_ post: CommunityPost) async throws {
            if post.state == .pending {
                _ = try await actions.approve(postID: post.id, by: supervisor, address: "demo")
            }
        }
        func member(_ index: Int) async throws -> CommunityMember {
            try await community.members.member(id: members[index % members.count].id) ?? members[0]
        }
        var ideaIDs: [Int64] = []
        for (index, idea) in ideas.enumerated() {
            let post = try await actions.postIdea(title: idea.title, body: idea.body, by: try await member(index * 5))
            try await publish(post)
            ideaIDs.append(post.id)
            // Earlier ideas are more popular; voters drawn from the members.
            let voters = max(1, 28 - index * 2 + Int.random(in: 0..<6, using: &random))
            for voter in members.indices.shuffled(using: &random).prefix(voters) {
                _ = try? await actions.vote(ideaID: post.id, by: try await member(voter))
            }
            if index % 3 == 0 {
                let comment = try await actions.comment(
                    ideaID: post.id, body: "Yes please, I would use this every week.", by: try await member(index + 7))
                try await publish(comment)
            }
        }
        for (index, status, response) in [
            (0, "started", "We are testing tablet eSIMs with a small group now."),
            (1, "planned", "Data rollover is planned for the autumn plans."),
            (2, "shipped", "Wi-Fi calling is live on every phone we sell since this week."),
            (5, "planned", "Dark mode is in the next app release."),
            (8, "declined", "Bill dates follow the day you joined; we cannot change them yet."),
        ] {
            _ = try await actions.setStatus(
                ideaID: ideaIDs[index], .init(status: status, response: response), by: supervisor, address: "demo")
        }
        _ = try await actions.setStatus(
            ideaID: ideaIDs[7],
            .init(status: "duplicate", response: "Same as the family plan idea.", duplicateOf: ideaIDs[3]),
            by: supervisor, address: "demo")
        for (index, question) in questions.enumerated() {
            let asker = try await member(40 + index)
            let post = try await actions.postQuestion(title: question.title, body: question.body, by: asker)
            try await publish(post)
            var first: Int64?
            for (offset, text) in question.answers.enumerated() {
                let answer = try await actions.answer(
                    questionID: post.id, body: text, by: try await member(10 + index * 3 + offset))
                try await publish(answer)
                if first == nil { first = answer.id }
            }
            if let first, index < 3 { _ = try await actions.accept(answerID: first, by: try await member(40 + index)) }
        }
        // Two posts wait for a moderator: a link from a new member, and a new member's first question.
        let newcomer = try await actions.invite(email: "customer61@example.com", name: "Promo Deals", address: "demo")
        _ = try await actions.postIdea(
            title: "Cheap phones here", body: "Best deals at cheap-phones-deals.shop/offer", by: newcomer.member)
        let shy = try await actions.invite(email: "customer62@example.com", name: "Zoë K.", address: "demo")
        _ = try await actions.postQuestion(
            title: "Is there a student discount?", body: "I am starting university in September.", by: shy.member)
    }
}
