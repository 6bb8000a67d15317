import Foundation
import RapportIngest
import RapportStore

/// The values `alerts.mustache` renders: one card per alert with its evidence, forms and timeline. Every string
/// is escaped by Mustache (post texts, handles and terms come from the public).
enum AlertDeskView {
    static func list(
        _ alerts: [AlertPayload], timelines: [Int64: [AlertTimelineEntry]], users: [User], canAct: Bool, now: Date
    ) -> [String: Any] {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return [
            "alerts": alerts.map {
                card($0, timeline: timelines[$0.id] ?? [], users: users, names: names, canAct: canAct, now: now)
            },
            "alertCount": alerts.count,
        ]
    }

    static func card(
        _ a: AlertPayload, timeline: [AlertTimelineEntry], users: [User], names: [Int64: String], canAct: Bool,
        now: Date
    ) -> [String: Any] {
        let e = a.evidence
        let summary = AlertEvidenceSummary(a)
        var view: [String: Any] = [
            "id": a.id, "kind": AlertText.kind(a.kind), "kindKey": a.kind, "series": AlertText.series(a),
            "status": a.status, "rate": AlertText.rate(summary), "negative": AlertText.negative(summary),
            "window": "\(Int(e.windowSeconds / 60)) min", "observed": e.observedCount,
            "expected": String(format: "%.1f", e.expectedCount),
            "startedISO": ViewFormat.iso(a.startedAt), "startedText": ViewFormat.relative(a.startedAt, now: now),
            "detectedISO": ViewFormat.iso(a.detectedAt), "detectedText": ViewFormat.relative(a.detectedAt, now: now),
            "episodeClosed": a.episode == "closed",
            "terms": e.trendingTerms, "hasTerms": !e.trendingTerms.isEmpty,
            "authors": e.topAuthors.map {
                ["handle": $0.handle, "network": $0.network, "followers": $0.followers, "posts": $0.posts]
            },
            "hasAuthors": !e.topAuthors.isEmpty,
            "posts": e.topPosts.map { p -> [String: Any] in
                var post: [String: Any] = [
                    "author": p.author, "network": p.network, "text": p.text, "engagement": p.engagement,
                ]
                // Only web links become links: a `javascript:` URL from a payload stays out of the page.
                post.setIfPresent(
                    "url", p.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil })
                post.setIfPresent("mentionID", p.mentionID)
                return post
            },
            "hasPosts": !e.topPosts.isEmpty,
            "canAcknowledge": canAct && a.status == "open",
            "canResolve": canAct && a.status != "resolved",
            "canAssign": canAct && a.status != "resolved",
            "users": users.map { ["id": $0.id, "name": $0.name, "selected": $0.id == a.assigneeId] },
            "timeline": timeline.map { entry -> [String: Any] in
                [
                    "atISO": ViewFormat.iso(entry.at), "atText": ViewFormat.relative(entry.at, now: now),
                    "who": entry.userID.map { names[$0] ?? "user \($0)" } ?? "Rapport",
                    "what": describe(entry, names: names),
                ]
            },
        ]
        view.setIfPresent("assignee", a.assigneeId.map { names[$0] ?? "user \($0)" })
        return view
    }

    /// One timeline step in words.
    static func describe(_ entry: AlertTimelineEntry, names: [Int64: String]) -> String {
        switch entry.change {
        case "opened": return "raised the alert"
        case "updated": return "saw it grow (\(entry.detail))"
        case "closed": return "saw the series back to normal"
        case "acknowledged": return "acknowledged"
        case "resolved": return "resolved"
        case "assigned":
            if entry.detail.hasPrefix("user "), let id = Int64(entry.detail.dropFirst(5)) {
                return "assigned it to \(names[id] ?? entry.detail)"
            }
            return "unassigned it"
        default: return entry.change
        }
    }
}
