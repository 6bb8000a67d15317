import Foundation
import RapportCore

/// One `changes[]` element of a Page or Instagram webhook entry.
enum MetaChange {
    /// Returns nil for valid changes that are not new posts (edits, removals, reactions…).
    static func parse(
        _ change: JSONNode, object: String, pageID: String?, entryTime: Double?, path: String
    ) throws(FormatError) -> IncomingPost? {
        guard change.isObject else { throw .wrongType(path, expected: "an object") }
        let field = try change.requiredString("field", in: path)
        let value = try change.requiredObject("value", in: path)
        let valuePath = path + ".value"
        switch (object, field) {
        case ("page", "feed"):
            return try pageFeed(value, entryTime: entryTime, path: valuePath)
        case ("instagram", "comments"), ("instagram", "live_comments"):
            return try instagramComment(value, entryTime: entryTime, path: valuePath)
        default:
            return nil
        }
    }

    private static let postItems: Set<String> = ["post", "status", "photo", "video", "share"]

    private static func pageFeed(_ value: JSONNode, entryTime: Double?, path: String) throws(FormatError)
        -> IncomingPost?
    {
        let item = try value.requiredString("item", in: path)
        let verb = try value.requiredString("verb", in: path)
        guard verb == "add", item == "comment" || postItems.contains(item) else { return nil }

        let from = try value.requiredObject("from", in: path)
        let fromID = try from.requiredString("id", in: path + ".from")
        let name = try from.optionalString("name", in: path + ".from")
        let author = Author(
            network: .facebook, externalID: fromID, handle: name ?? fromID, displayName: name,
            profileURL: "https://www.facebook.com/\(fromID)")
        let postID = try value.requiredString("post_id", in: path)
        let text = try value.optionalString("message", in: path) ?? ""
        let createdAt = try timestamp(value, entryTime: entryTime, path: path)
        let permalink = try value.optionalObject("post", in: path)?.optionalString("permalink_url", in: path + ".post")

        if item == "comment" {
            let commentID = try value.requiredString("comment_id", in: path)
            let parent = try value.optionalString("parent_id", in: path) ?? postID
            return IncomingPost(
                network: .facebook, externalID: commentID, url: "https://www.facebook.com/\(commentID)", author: author,
                text: text, createdAt: createdAt, kind: .comment, origin: .owned, inReplyToID: parent, threadID: postID)
        }
        return IncomingPost(
            network: .facebook, externalID: postID, url: permalink ?? "https://www.facebook.com/\(postID)",
            author: author, text: text, createdAt: createdAt, kind: .post, origin: .owned, threadID: postID)
    }

    private static func instagramComment(
        _ value: JSONNode, entryTime: Double?, path: String
    ) throws(FormatError) -> IncomingPost {
        let id = try value.requiredString("id", in: path)
        let from = try value.requiredObject("from", in: path)
        let fromID = try from.requiredString("id", in: path + ".from")
        let username = try from.optionalString("username", in: path + ".from")
        let mediaID = try value.optionalObject("media", in: path)?.optionalString("id", in: path + ".media")
        let parentID = try value.optionalString("parent_id", in: path)
        let author = Author(
            network: .instagram, externalID: fromID, handle: username ?? fromID,
            profileURL: username.map { "https://www.instagram.com/\($0)/" })
        return IncomingPost(
            network: .instagram, externalID: id, author: author, text: try value.optionalString("text", in: path) ?? "",
            createdAt: try timestamp(value, entryTime: entryTime, path: path), kind: .comment, origin: .owned,
            inReplyToID: parentID ?? mediaID, threadID: mediaID)
    }

    /// `created_time` (Unix seconds, or an ISO date in older versions), else the entry time.
    private static func timestamp(_ value: JSONNode, entryTime: Double?, path: String) throws(FormatError) -> Date {
        let created = value["created_time"]
        switch created?.kind {
        case .int?, .double?: return DateParsing.unix(created!.doubleValue!)
        case .string?:
            let s = created!.stringValue!
            guard let date = DateParsing.iso8601(s) ?? Double(s).map(DateParsing.unix) else {
                throw FormatError(.invalidDate, "field `\(path).created_time` is not a date: \(s.prefix(40))")
            }
            return date
        default:
            guard let entryTime else { throw .missing(path + ".created_time") }
            return DateParsing.unix(entryTime)
        }
    }
}
