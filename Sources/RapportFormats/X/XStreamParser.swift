import Foundation
import RapportCore

/// X API v2 filtered-stream lines: `{"data": Tweet, "includes": {"users": […]}, "matching_rules": […]}`.
///
/// A line with no `data` but `errors` (the stream's operational notices) is skipped.
/// The author comes from `includes.users` (matched on `author_id`); when the stream was
/// opened without `expansions=author_id`, the author is known only by id and the URL
/// uses X's id-only form.
enum XStreamParser {
    static func parse(_ json: JSONNode) throws(FormatError) -> LineResult {
        guard json.isObject else { throw .wrongType("(line)", expected: "an object") }
        guard let data = try json.optionalObject("data", in: "") else {
            if json["errors"] != nil { return .skipped }
            throw .missing("data")
        }
        let id = try data.requiredString("id", in: "data")
        let authorID = try data.requiredString("author_id", in: "data")
        // Posts over 280 characters carry their full text in `note_tweet`.
        var text = try data.requiredString("text", in: "data")
        if let note = try data.optionalObject("note_tweet", in: "data"),
            let full = try note.optionalString("text", in: "data.note_tweet"), !full.isEmpty
        {
            text = full
        }
        guard let createdNode = data["created_at"], !createdNode.isNull else { throw .missing("data.created_at") }
        guard let createdAt = createdNode.iso8601DateValue else {
            let raw = createdNode.stringValue ?? createdNode.typeName
            throw FormatError(.invalidDate, "field `data.created_at` is not an ISO 8601 date: \(raw.prefix(40))")
        }

        let author = try findAuthor(json, id: authorID)
        var inReplyTo: String?
        for ref in try data.optionalElements("referenced_tweets", in: "data") {
            if ref["type"]?.stringEquals("replied_to") == true { inReplyTo = ref["id"]?.stringValue }
        }
        var metrics = PostMetrics.zero
        if let m = try data.optionalObject("public_metrics", in: "data") {
            metrics.likes = try m.optionalInt("like_count", in: "data.public_metrics") ?? 0
            metrics.reposts = try m.optionalInt("retweet_count", in: "data.public_metrics") ?? 0
            metrics.replies = try m.optionalInt("reply_count", in: "data.public_metrics") ?? 0
            metrics.quotes = try m.optionalInt("quote_count", in: "data.public_metrics") ?? 0
        }
        var hashtags: [String] = []
        var mentions: [String] = []
        if let entities = try data.optionalObject("entities", in: "data") {
            for tag in try entities.optionalElements("hashtags", in: "data.entities") {
                if let t = tag["tag"]?.stringValue { hashtags.append(t) }
            }
            for mention in try entities.optionalElements("mentions", in: "data.entities") {
                if let u = mention["username"]?.stringValue { mentions.append(u) }
            }
        }
        let url =
            author.handle == authorID
            ? "https://x.com/i/web/status/\(id)" : "https://x.com/\(author.handle)/status/\(id)"
        return .post(
            IncomingPost(
                network: .x, externalID: id, url: url, author: author, text: text,
                language: LanguageTag.primary(try data.optionalString("lang", in: "data")), createdAt: createdAt,
                metrics: metrics, kind: inReplyTo == nil ? .post : .reply, origin: .publicStream,
                inReplyToID: inReplyTo, threadID: try data.optionalString("conversation_id", in: "data"),
                hashtags: hashtags, mentionedHandles: mentions))
    }

    private static func findAuthor(_ json: JSONNode, id: String) throws(FormatError) -> Author {
        if let includes = try json.optionalObject("includes", in: "") {
            for user in try includes.optionalElements("users", in: "includes")
            where user["id"]?.stringEquals(id) == true {
                let username = try user.requiredString("username", in: "includes.users[]")
                let metrics = try user.optionalObject("public_metrics", in: "includes.users[]")
                return Author(
                    network: .x, externalID: id, handle: username,
                    displayName: try user.optionalString("name", in: "includes.users[]"),
                    followers: try metrics?.optionalInt("followers_count", in: "includes.users[].public_metrics"),
                    following: try metrics?.optionalInt("following_count", in: "includes.users[].public_metrics"),
                    verified: try user.optionalBool("verified", in: "includes.users[]") ?? false,
                    profileURL: "https://x.com/\(username)",
                    bio: try user.optionalString("description", in: "includes.users[]"))
            }
        }
        return Author(network: .x, externalID: id, handle: id)
    }
}
