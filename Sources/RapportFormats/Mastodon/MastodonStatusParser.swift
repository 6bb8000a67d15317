import Foundation
import RapportCore

/// Mastodon `Status` entities (REST timelines, streaming `update` payloads).
///
/// - `externalID` is the status `uri`, the ActivityPub id that is the same on every
///   instance (the numeric `id` is local to the instance that served it). `inReplyToID`
///   stays the instance-local `in_reply_to_id`, as Mastodon gives no parent URI.
/// - A boost (`reblog` set) yields the boosted status, so repeated boosts deduplicate.
/// - `content` is HTML and goes through ``HTMLText``; a content warning becomes the title.
/// - The author handle is `acct`, made global (`kim@mastodon.example`) with the host of
///   the account URL when the instance gave a local `acct`.
enum MastodonStatusParser {
    static func parse(_ status: JSONNode, path: String = "") throws(FormatError) -> IncomingPost? {
        guard status.isObject else { throw .wrongType(path.isEmpty ? "(status)" : path, expected: "an object") }
        if let reblog = try status.optionalObject("reblog", in: path) {
            return try parse(reblog, path: JSONNode.join(path, "reblog"))
        }
        let id = try status.requiredString("id", in: path)
        let uri = try status.optionalString("uri", in: path) ?? id
        let html = try status.requiredString("content", in: path)
        let createdRaw = try status.requiredString("created_at", in: path)
        guard let createdAt = DateParsing.iso8601(createdRaw) else {
            throw FormatError(.invalidDate, "field `\(JSONNode.join(path, "created_at"))` is not an ISO 8601 date")
        }
        let author = try account(try status.requiredObject("account", in: path), path: JSONNode.join(path, "account"))
        let spoiler = try status.optionalString("spoiler_text", in: path)
        let inReplyTo = try status.optionalString("in_reply_to_id", in: path)
        let hashtags = try status.optionalArray("tags", in: path).compactMap { $0["name"]?.stringValue }
        let mentions = try status.optionalArray("mentions", in: path).compactMap { $0["acct"]?.stringValue }
        let metrics = PostMetrics(
            likes: try status.optionalInt("favourites_count", in: path) ?? 0,
            reposts: try status.optionalInt("reblogs_count", in: path) ?? 0,
            replies: try status.optionalInt("replies_count", in: path) ?? 0)
        return IncomingPost(
            network: .mastodon, externalID: uri, url: try status.optionalString("url", in: path) ?? uri, author: author,
            text: HTMLText.text(fromHTML: html), title: spoiler?.isEmpty == false ? spoiler : nil,
            language: LanguageTag.primary(try status.optionalString("language", in: path)), createdAt: createdAt,
            metrics: metrics, kind: inReplyTo == nil ? .post : .reply, origin: .publicStream, inReplyToID: inReplyTo,
            hashtags: hashtags, mentionedHandles: mentions)
    }

    private static func account(_ account: JSONNode, path: String) throws(FormatError) -> Author {
        let acct = try account.requiredString("acct", in: path)
        let url = try account.optionalString("url", in: path)
        var handle = acct
        if !acct.contains("@"), let url, let host = URLComponents(string: url)?.host {
            handle = "\(acct)@\(host)"
        }
        let displayName = try account.optionalString("display_name", in: path)
        let note = try account.optionalString("note", in: path).map(HTMLText.text(fromHTML:))
        return Author(
            network: .mastodon, externalID: url ?? handle, handle: handle,
            displayName: displayName?.isEmpty == false ? displayName : nil,
            followers: try account.optionalInt("followers_count", in: path),
            following: try account.optionalInt("following_count", in: path), profileURL: url,
            bio: note?.isEmpty == false ? note : nil)
    }
}
