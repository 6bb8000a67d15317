import Foundation
import RapportCore

/// Bluesky Jetstream events: `{"did", "time_us", "kind": "commit"|"identity"|"account", …}`.
///
/// Only `commit` events that `create` an `app.bsky.feed.post` become posts; deletes,
/// updates, other collections (likes, follows…) and `account` events are skipped.
/// `identity` events are skipped too, but their DID → handle pair goes into the
/// ``StreamContext`` so later posts by that DID get the handle.
enum JetstreamParser {
    static let postCollection = "app.bsky.feed.post"

    static func parse(_ json: JSONNode, context: inout StreamContext) throws(FormatError) -> LineResult {
        guard json.isObject else { throw .wrongType("(line)", expected: "an object") }
        let did = try json.requiredString("did", in: "")
        let kind = try json.requiredString("kind", in: "")
        switch kind {
        case "commit":
            break
        case "identity":
            if let identity = try json.optionalObject("identity", in: ""),
                let handle = try identity.optionalString("handle", in: "identity"), !handle.isEmpty
            {
                context.remember(did: did, handle: handle)
            }
            return .skipped
        case "account":
            return .skipped
        default:
            throw FormatError(.unsupportedEvent, "Jetstream event kind `\(kind)` is not supported")
        }
        let commit = try json.requiredObject("commit", in: "")
        let operation = try commit.requiredString("operation", in: "commit")
        let collection = try commit.requiredString("collection", in: "commit")
        guard operation == "create", collection == postCollection else { return .skipped }
        let rkey = try commit.requiredString("rkey", in: "commit")
        let record = try commit.requiredObject("record", in: "commit")
        let text = try record.requiredString("text", in: "commit.record")

        let createdAt: Date
        if let raw = try record.optionalString("createdAt", in: "commit.record") {
            guard let date = DateParsing.iso8601(raw) else {
                throw FormatError(
                    .invalidDate, "field `commit.record.createdAt` is not an ISO 8601 date: \(raw.prefix(40))")
            }
            createdAt = date
        } else if let micros = json["time_us"]?.doubleValue {
            createdAt = Date(timeIntervalSince1970: micros / 1_000_000)
        } else {
            throw .missing("commit.record.createdAt")
        }

        // Strong references (uri + cid): a reply from the desk must cite both its parent's and its root's.
        var parent: (uri: String?, cid: String?) = (nil, nil)
        var root: (uri: String?, cid: String?) = (nil, nil)
        if let reply = try record.optionalObject("reply", in: "commit.record") {
            parent = try strongRef(reply, "parent")
            root = try strongRef(reply, "root")
        }
        let inReplyTo = parent.uri
        let threadID = root.uri
        let langs = try record.optionalArray("langs", in: "commit.record")
        let (hashtags, mentions) = facets(record, text: text)

        let handle = context.blueskyHandles[did]
        var post = IncomingPost(
            network: .bluesky, externalID: "at://\(did)/\(postCollection)/\(rkey)",
            url: "https://bsky.app/profile/\(did)/post/\(rkey)",
            author: Author(
                network: .bluesky, externalID: did, handle: did, profileURL: "https://bsky.app/profile/\(did)"),
            text: text, language: LanguageTag.primary(langs.first?.stringValue), createdAt: createdAt,
            kind: inReplyTo == nil ? .post : .reply, origin: .publicStream, inReplyToID: inReplyTo,
            threadID: threadID ?? inReplyTo, hashtags: hashtags, mentionedHandles: mentions,
            contentID: try commit.optionalString("cid", in: "commit"),
            threadRootContentID: threadID == nil ? parent.cid : root.cid)
        if let handle { apply(handle: handle, to: &post) }
        return .post(post)
    }

    /// `reply.parent` / `reply.root` as (uri, cid), each nil when absent.
    private static func strongRef(_ reply: JSONNode, _ name: StaticString) throws(FormatError) -> (
        uri: String?, cid: String?
    ) {
        guard let ref = try reply.optionalObject(name, in: "commit.record.reply") else { return (nil, nil) }
        let path = "commit.record.reply.\(name)"
        return (try ref.optionalString("uri", in: path), try ref.optionalString("cid", in: path))
    }

    /// Puts a known handle on a post whose author was known only by DID.
    static func apply(handle: String, to post: inout IncomingPost) {
        post.author.handle = handle
        post.author.profileURL = "https://bsky.app/profile/\(handle)"
        if let rkey = post.externalID.split(separator: "/").last {
            post.url = "https://bsky.app/profile/\(handle)/post/\(rkey)"
        }
    }

    /// Hashtags and mentioned handles from rich-text facets (and the record's `tags`).
    /// Mention facets carry a DID; the handle is the `@…` text the facet's byte range covers.
    private static func facets(_ record: JSONNode, text: String) -> ([String], [String]) {
        var hashtags: [String] = record["tags"]?.elements?.compactMap(\.stringValue) ?? []
        var mentions: [String] = []
        guard let facets = record["facets"]?.elements else { return (hashtags, mentions) }
        let utf8 = Array(text.utf8)
        for facet in facets {
            for feature in facet["features"]?.elements.map(Array.init) ?? [] {
                switch feature["$type"]?.stringValue {
                case "app.bsky.richtext.facet#tag":
                    if let tag = feature["tag"]?.stringValue { hashtags.append(tag) }
                case "app.bsky.richtext.facet#mention":
                    guard let index = facet["index"], let start = index["byteStart"]?.intValue,
                        let end = index["byteEnd"]?.intValue, start >= 0, start < end, end <= utf8.count
                    else { continue }
                    var handle = String(decoding: utf8[start..<end], as: UTF8.self)
                    if handle.hasPrefix("@") { handle.removeFirst() }
                    if !handle.isEmpty { mentions.append(handle) }
                default:
                    continue
                }
            }
        }
        return (hashtags, mentions)
    }
}
