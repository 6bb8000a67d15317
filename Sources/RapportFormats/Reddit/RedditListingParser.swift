import Foundation
import RapportCore

/// Reddit `Listing` JSON: `{"kind": "Listing", "data": {"children": [{"kind": "t1"|"t3", "data": …}]}}`,
/// or an array of listings (a thread page returns the post listing then the comments).
///
/// `t1` comments and `t3` posts become posts; `more` stubs and deleted or removed items
/// (`[deleted]` / `[removed]`) are skipped. Ids are Reddit fullnames (`t1_…`), because
/// `parent_id` and `link_id` use fullnames. Reddit escapes `&`, `<`, `>` in text fields
/// as HTML entities, so those are decoded.
enum RedditListingParser {
    static func parse(_ json: JSONNode) throws(FormatError) -> ParseOutcome {
        var outcome = ParseOutcome()
        var item = 0
        switch json.kind {
        case .array:
            for listing in json.elements! { try collect(listing, into: &outcome, item: &item) }
        case .object:
            try collect(json, into: &outcome, item: &item)
        default:
            throw .wrongType("(document)", expected: "a Listing object or an array of listings")
        }
        return outcome
    }

    private static func collect(_ listing: JSONNode, into outcome: inout ParseOutcome, item: inout Int)
        throws(FormatError)
    {
        guard listing["kind"]?.stringValue == "Listing" else {
            throw FormatError(.unsupportedEvent, "expected a Reddit object of kind `Listing`")
        }
        let data = try listing.requiredObject("data", in: "")
        for child in try data.optionalArray("children", in: "data") {
            item += 1
            do {
                if let post = try thing(child, path: "data.children[\(item - 1)]") {
                    outcome.posts.append(post)
                } else {
                    outcome.skipped += 1
                }
            } catch {
                outcome.failures.append(ItemFailure(location: .item(item), error: error))
            }
        }
    }

    private static func thing(_ child: JSONNode, path: String) throws(FormatError) -> IncomingPost? {
        let kind = try child.requiredString("kind", in: path)
        guard kind == "t1" || kind == "t3" else { return nil }
        let dataPath = path + ".data"
        let data = try child.requiredObject("data", in: path)
        let authorName = try data.requiredString("author", in: dataPath)
        let rawText = try data.optionalString(kind == "t1" ? "body" : "selftext", in: dataPath) ?? ""
        if authorName == "[deleted]" || rawText == "[deleted]" || rawText == "[removed]" { return nil }

        let id = try data.requiredString("id", in: dataPath)
        let name = try data.optionalString("name", in: dataPath) ?? "\(kind)_\(id)"
        guard let created = data["created_utc"]?.doubleValue else { throw .missing(dataPath + ".created_utc") }
        let permalink = try data.optionalString("permalink", in: dataPath)
        let title = try data.optionalString("title", in: dataPath).map(HTMLText.decodeEntities)
        var text = HTMLText.decodeEntities(rawText)
        if text.isEmpty, kind == "t3" {
            let link = try data.optionalString("url", in: dataPath)
            text = title ?? link ?? ""
        }
        let author = Author(
            network: .reddit, externalID: try data.optionalString("author_fullname", in: dataPath) ?? authorName,
            handle: authorName, profileURL: "https://www.reddit.com/user/\(authorName)")
        let metrics = PostMetrics(
            likes: max(0, try data.optionalInt("score", in: dataPath) ?? 0),
            replies: try data.optionalInt("num_comments", in: dataPath) ?? 0)
        return IncomingPost(
            network: .reddit, externalID: name, url: permalink.map { "https://www.reddit.com" + $0 }, author: author,
            text: text, title: kind == "t3" ? title : nil, createdAt: DateParsing.unix(created), metrics: metrics,
            kind: kind == "t1" ? .comment : .post, origin: .publicStream,
            inReplyToID: kind == "t1" ? try data.optionalString("parent_id", in: dataPath) : nil,
            threadID: kind == "t1" ? try data.optionalString("link_id", in: dataPath) : name)
    }
}
