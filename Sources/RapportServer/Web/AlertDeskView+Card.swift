import Foundation
import RapportIngest
import RapportStore

extension AlertDeskView {
    /// One alert: what was seen (rate, share negative, terms, authors, posts), who has it, the buttons the user
    /// may press and what happened so far.
    struct Card: Sendable {
        var id: Int64
        var kind: String
        var kindKey: String
        var series: String
        var status: String
        var rate: String
        var negative: String
        var window: String
        var observed: Int
        var expected: String
        var startedISO: String
        var startedText: String
        var detectedISO: String
        var detectedText: String
        var episodeClosed: Bool
        var terms: [String]
        var hasTerms: Bool
        var authors: [Author]
        var hasAuthors: Bool
        var posts: [Post]
        var hasPosts: Bool
        var canAcknowledge: Bool
        var canResolve: Bool
        var canAssign: Bool
        /// The assign form's choices, the current assignee selected.
        var users: [SelectOption]
        var timeline: [Step]
        /// The assignee's name; nil when nobody has it.
        var assignee: String?

        struct Author: Sendable {
            var handle: String
            var network: String
            var followers: Int
            var posts: Int
        }

        struct Post: Sendable {
            var author: String
            var network: String
            var text: String
            var engagement: Int
            /// Only web links become links: a `javascript:` URL from a payload stays out of the page.
            var url: String?
        }

        struct Step: Sendable {
            var atISO: String
            var atText: String
            var who: String
            var what: String
        }

        init(
            _ a: AlertPayload, timeline: [AlertTimelineEntry], users: [User], names: [Int64: String], canAct: Bool,
            now: Date
        ) {
            let e = a.evidence
            let summary = AlertEvidenceSummary(a)
            id = a.id
            kind = AlertText.kind(a.kind)
            kindKey = a.kind
            series = AlertText.series(a)
            status = a.status
            rate = AlertText.rate(summary)
            negative = AlertText.negative(summary)
            window = "\(Int(e.windowSeconds / 60)) min"
            observed = e.observedCount
            expected = String(format: "%.1f", e.expectedCount)
            startedISO = ViewFormat.iso(a.startedAt)
            startedText = ViewFormat.relative(a.startedAt, now: now)
            detectedISO = ViewFormat.iso(a.detectedAt)
            detectedText = ViewFormat.relative(a.detectedAt, now: now)
            episodeClosed = a.episode == "closed"
            terms = e.trendingTerms
            hasTerms = !e.trendingTerms.isEmpty
            authors = e.topAuthors.map {
                Author(handle: $0.handle, network: $0.network, followers: $0.followers, posts: $0.posts)
            }
            hasAuthors = !e.topAuthors.isEmpty
            posts = e.topPosts.map { p in
                Post(
                    author: p.author, network: p.network, text: p.text, engagement: p.engagement,
                    url: p.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil })
            }
            hasPosts = !e.topPosts.isEmpty
            canAcknowledge = canAct && a.status == "open"
            canResolve = canAct && a.status != "resolved"
            canAssign = canAct && a.status != "resolved"
            self.users = users.map {
                SelectOption(value: String($0.id), label: $0.name, selected: $0.id == a.assigneeId)
            }
            self.timeline = timeline.map { entry in
                Step(
                    atISO: ViewFormat.iso(entry.at), atText: ViewFormat.relative(entry.at, now: now),
                    who: entry.userID.map { names[$0] ?? "user \($0)" } ?? "Rapport",
                    what: AlertDeskView.describe(entry, names: names))
            }
            assignee = a.assigneeId.map { names[$0] ?? "user \($0)" }
        }
    }
}
