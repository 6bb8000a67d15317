import Foundation
import RapportAnalysis
import RapportCore
import SQLKit

/// The mapping between a mention and its row in `mentions` (joined to `authors` on reads).
enum MentionRow {
    static let columns = [
        "network", "external_id", "url", "author_id", "text", "title", "language", "created_ms", "ingested_ms",
        "kind", "origin", "likes", "reposts", "replies", "quotes", "in_reply_to", "thread_id", "hashtags",
        "mentioned", "sentiment", "sentiment_score", "intents", "analysis_language", "influence", "level",
        "analysis", "content_id", "thread_root_content_id",
    ]

    static func values(_ item: NewMention, authorID: Int64, ingestedMS: Int64) -> [any Encodable & Sendable] {
        let p = item.post
        let a = item.analysis
        return [
            p.network.rawValue, p.externalID, p.url, authorID, p.text, p.title, p.language,
            p.createdAt.millisecondsSince1970, ingestedMS, p.kind.rawValue, p.origin.rawValue,
            Int64(p.metrics.likes), Int64(p.metrics.reposts), Int64(p.metrics.replies), Int64(p.metrics.quotes),
            p.inReplyToID, p.threadID, joinList(p.hashtags), joinList(p.mentionedHandles),
            a?.sentiment.label.rawValue, a?.sentiment.score,
            a.map { joinList($0.intents.map(\.name.rawValue)) } ?? "", a?.language, a?.influence, a?.level.rawValue,
            a.map(AnalysisCoding.encode), p.contentID, p.threadRootContentID,
        ]
    }

    /// Lists are stored as `,a,b,` so that `LIKE '%,a,%'` finds one element on both engines.
    static func joinList(_ items: [String]) -> String {
        items.isEmpty ? "" : "," + items.joined(separator: ",") + ","
    }

    static func splitList(_ stored: String) -> [String] {
        stored.split(separator: ",").map(String.init)
    }

    /// Columns to select for ``decode(_:dialect:)``.
    static func selectList(_ dialect: Dialect) -> String {
        """
        m.id, m.network, m.external_id, m.url, m.author_id, m.text, m.title, m.language, m.created_ms,
        m.ingested_ms, m.kind, m.origin, m.likes, m.reposts, m.replies, m.quotes, m.in_reply_to, m.thread_id,
        m.hashtags, m.mentioned, m.analysis, m.content_id, m.thread_root_content_id, a.external_id AS author_external_id, a.handle AS author_handle,
        a.display_name AS author_display_name, a.followers AS author_followers, a.following AS author_following,
        a.verified AS author_verified, a.profile_url AS author_profile_url, a.bio AS author_bio,
        (SELECT \(dialect.listAggregate("r.rule_id")) FROM mention_rules r WHERE r.mention_id = m.id) AS rule_ids
        """
    }

    /// Mentions with their authors where `condition` holds (it may end with ORDER BY / LIMIT).
    static func select(_ db: any SQLDatabase, _ dialect: Dialect, _ condition: SQLFragment) async throws -> [Mention] {
        let query =
            SQLFragment("SELECT \(selectList(dialect)) FROM mentions m JOIN authors a ON a.id = m.author_id WHERE ")
            + condition
        return try await db.raw(query.expression).all().map { try decode($0, dialect: dialect) }
    }

    static func decode(_ row: any SQLRow, dialect: Dialect) throws -> Mention {
        func string(_ c: String) throws -> String { try row.decode(column: c, as: String.self) }
        func optional(_ c: String) throws -> String? { try row.decode(column: c, as: String?.self) }
        func int(_ c: String) throws -> Int64 { try row.decode(column: c, as: Int64.self) }
        let network = Network(rawValue: try string("network")) ?? .x
        let author = Author(
            network: network, externalID: try string("author_external_id"), handle: try string("author_handle"),
            displayName: try optional("author_display_name"),
            followers: try row.decode(column: "author_followers", as: Int64?.self).map(Int.init),
            following: try row.decode(column: "author_following", as: Int64?.self).map(Int.init),
            verified: try int("author_verified") != 0, profileURL: try optional("author_profile_url"),
            bio: try optional("author_bio"))
        let post = IncomingPost(
            network: network, externalID: try string("external_id"), url: try optional("url"), author: author,
            text: try string("text"), title: try optional("title"), language: try optional("language"),
            createdAt: Date(milliseconds: try int("created_ms")),
            metrics: PostMetrics(
                likes: Int(try int("likes")), reposts: Int(try int("reposts")), replies: Int(try int("replies")),
                quotes: Int(try int("quotes"))),
            kind: MentionKind(rawValue: try string("kind")) ?? .post,
            origin: Origin(rawValue: try string("origin")) ?? .publicStream,
            inReplyToID: try optional("in_reply_to"), threadID: try optional("thread_id"),
            hashtags: splitList(try string("hashtags")), mentionedHandles: splitList(try string("mentioned")),
            contentID: try optional("content_id"), threadRootContentID: try optional("thread_root_content_id"))
        let ruleIDs = (try optional("rule_ids") ?? "").split(separator: ",").compactMap { Int64($0) }.sorted()
        return Mention(
            id: try int("id"), authorID: try int("author_id"), post: post, matchedRuleIDs: ruleIDs,
            analysis: try optional("analysis").flatMap(AnalysisCoding.decode),
            ingestedAt: Date(milliseconds: try int("ingested_ms")))
    }
}

/// Analysis is kept whole as compact JSON beside the columns the API filters on.
enum AnalysisCoding {
    static func encode(_ a: PostAnalysis) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("influence", a.influence)
        w.key("intents")
        w.beginArray()
        for intent in a.intents {
            w.beginObject()
            w.field("confidence", intent.confidence)
            w.field("name", intent.name.rawValue)
            w.endObject()
        }
        w.endArray()
        w.field("language", a.language)
        w.field("level", a.level.rawValue)
        w.field("reasons", a.reasons)
        w.key("sentiment")
        w.beginObject()
        w.field("label", a.sentiment.label.rawValue)
        w.field("score", a.sentiment.score)
        w.endObject()
        w.field("topics", a.topics)
        w.endObject()
        return w.result
    }

    static func decode(_ json: String) -> PostAnalysis? {
        try? JSONDecoder().decode(PostAnalysis.self, from: Data(json.utf8))
    }
}
