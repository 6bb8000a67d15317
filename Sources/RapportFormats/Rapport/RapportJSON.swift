import Foundation
import RapportCore

/// Rapport's normalised post format: an ``IncomingPost`` as JSON, one object per line.
///
/// ```json
/// {"network": "x", "externalId": "1", "url": "https://…", "text": "…", "title": null,
///  "language": "en", "createdAt": "2026-11-20T08:15:02.000Z", "kind": "post", "origin": "public",
///  "inReplyToId": null, "threadId": null, "hashtags": ["Leeds"], "mentionedHandles": [],
///  "metrics": {"likes": 0, "reposts": 0, "replies": 0, "quotes": 0},
///  "author": {"externalId": "98765432", "handle": "samcarter", "displayName": "Sam Carter",
///             "followers": 2450000, "following": 310, "verified": true, "profileUrl": null, "bio": null}}
/// ```
///
/// Required: `network`, `externalId`, `text`, `createdAt` (ISO 8601 or Unix seconds),
/// `origin`, `author.externalId`, `author.handle`. Everything else is optional (`kind`
/// defaults to `post`, `author.network` to the post's network). Enum values are the raw
/// values of ``Network``, ``MentionKind`` and ``Origin``. The simulator writes it with
/// ``encode(_:)``; `rapport ingest --format rapport` reads it back.
public enum RapportJSON {
    static func decode(_ json: JSONNode) throws(FormatError) -> IncomingPost {
        guard json.isObject else { throw .wrongType("(post)", expected: "an object") }
        let network = try enumValue(Network.self, "network", in: json, path: "")
        let authorJSON = try json.requiredObject("author", in: "")
        let author = Author(
            network: try authorJSON["network"] == nil
                ? network : enumValue(Network.self, "network", in: authorJSON, path: "author"),
            externalID: try authorJSON.requiredString("externalId", in: "author"),
            handle: try authorJSON.requiredString("handle", in: "author"),
            displayName: try authorJSON.optionalString("displayName", in: "author"),
            followers: try authorJSON.optionalInt("followers", in: "author"),
            following: try authorJSON.optionalInt("following", in: "author"),
            verified: try authorJSON.optionalBool("verified", in: "author") ?? false,
            profileURL: try authorJSON.optionalString("profileUrl", in: "author"),
            bio: try authorJSON.optionalString("bio", in: "author"))
        var metrics = PostMetrics.zero
        if let m = try json.optionalObject("metrics", in: "") {
            metrics.likes = try m.optionalInt("likes", in: "metrics") ?? 0
            metrics.reposts = try m.optionalInt("reposts", in: "metrics") ?? 0
            metrics.replies = try m.optionalInt("replies", in: "metrics") ?? 0
            metrics.quotes = try m.optionalInt("quotes", in: "metrics") ?? 0
        }
        return IncomingPost(
            network: network, externalID: try json.requiredString("externalId", in: ""),
            url: try json.optionalString("url", in: ""), author: author, text: try json.requiredString("text", in: ""),
            title: try json.optionalString("title", in: ""), language: try json.optionalString("language", in: ""),
            createdAt: try RapportTime.required("createdAt", in: json), metrics: metrics,
            kind: json["kind"] == nil ? .post : try enumValue(MentionKind.self, "kind", in: json, path: ""),
            origin: try enumValue(Origin.self, "origin", in: json, path: ""),
            inReplyToID: try json.optionalString("inReplyToId", in: ""),
            threadID: try json.optionalString("threadId", in: ""),
            hashtags: try strings("hashtags", in: json), mentionedHandles: try strings("mentionedHandles", in: json))
    }

    private static func enumValue<T: RawRepresentable<String>>(
        _ type: T.Type, _ key: StaticString, in json: JSONNode, path: String
    ) throws(FormatError) -> T {
        let raw = try json.requiredString(key, in: path)
        guard let value = T(rawValue: raw) else {
            throw FormatError(
                .invalidValue, "field `\(JSONNode.join(path, key))` has unknown value `\(raw.prefix(40))`")
        }
        return value
    }

    private static func strings(_ key: StaticString, in json: JSONNode) throws(FormatError) -> [String] {
        var out: [String] = []
        for item in try json.optionalArray(key, in: "") {
            guard let s = item.stringValue else { throw .wrongType(key.description + "[]", expected: "a string") }
            out.append(s)
        }
        return out
    }

    /// One post as a single line of JSON (no trailing newline), readable by
    /// `PayloadParser.parseLine(.rapport, …)`.
    public static func encode(_ post: IncomingPost) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("network", post.network.rawValue)
        w.field("externalId", post.externalID)
        w.field("url", post.url)
        w.key("author")
        w.beginObject()
        w.field("network", post.author.network.rawValue)
        w.field("externalId", post.author.externalID)
        w.field("handle", post.author.handle)
        w.field("displayName", post.author.displayName)
        w.field("followers", post.author.followers)
        w.field("following", post.author.following)
        w.field("verified", post.author.verified)
        w.field("profileUrl", post.author.profileURL)
        w.field("bio", post.author.bio)
        w.endObject()
        w.field("text", post.text)
        w.field("title", post.title)
        w.field("language", post.language)
        w.field("createdAt", ISO8601Text.string(from: post.createdAt))
        w.key("metrics")
        w.beginObject()
        w.field("likes", post.metrics.likes)
        w.field("reposts", post.metrics.reposts)
        w.field("replies", post.metrics.replies)
        w.field("quotes", post.metrics.quotes)
        w.endObject()
        w.field("kind", post.kind.rawValue)
        w.field("origin", post.origin.rawValue)
        w.field("inReplyToId", post.inReplyToID)
        w.field("threadId", post.threadID)
        w.field("hashtags", post.hashtags)
        w.field("mentionedHandles", post.mentionedHandles)
        w.endObject()
        return w.result
    }
}
