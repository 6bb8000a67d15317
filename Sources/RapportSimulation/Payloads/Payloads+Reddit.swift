import Foundation

extension Payloads {
    /// A Reddit `Listing` holding one `t1` comment, as `/r/SUB/comments.json` returns it.
    /// `post.id` is the comment's base-36 id; `post.title` (if any) names the thread in the permalink.
    public static func redditListing(
        post: SimulatedPost, author: SimulatedAuthor, subreddit: String, threadID: String
    ) -> String {
        var w = JSONWriter(capacity: 520 + post.text.utf8.count)
        w.lit(#"{"kind":"Listing","data":{"after":"t1_"#)
        w.escaped(post.id)
        w.lit(#"","dist":1,"children":[{"kind":"t1","data":{"id":"#)
        w.string(post.id)
        w.lit(#","name":"t1_"#)
        w.escaped(post.id)
        w.lit(#"","author":"#)
        w.string(author.handle)
        w.lit(#","body":"#)
        w.string(post.text)
        w.lit(#","created_utc":"#)
        w.int(Int(post.createdAt.timeIntervalSince1970))
        w.lit(#".0,"subreddit":"#)
        w.string(subreddit)
        w.lit(#","permalink":"/r/"#)
        w.escaped(subreddit)
        w.lit("/comments/")
        w.escaped(threadID)
        w.byte("/")
        w.escaped(slug(post.title.isEmpty ? post.text : post.title))
        w.byte("/")
        w.escaped(post.id)
        w.lit(#"/","link_id":"t3_"#)
        w.escaped(threadID)
        w.lit(#"","parent_id":"t3_"#)
        w.escaped(threadID)
        w.lit(#"","score":"#)
        w.int(post.likes)
        w.lit(#","author_flair_text":null}}],"before":null}}"#)
        return w.string
    }

    /// A lowercase ASCII slug of the first words, as Reddit puts in permalinks.
    static func slug(_ text: String) -> String {
        var out = ""
        var words = 0
        var lastWasSeparator = true
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(
                    Unicode.Scalar(UInt8(scalar.value)).properties.lowercaseMapping.unicodeScalars.first!)
                lastWasSeparator = false
            } else if !lastWasSeparator {
                words += 1
                if words == 6 { break }
                out.append("_")
                lastWasSeparator = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out.isEmpty ? "comment" : out
    }
}
