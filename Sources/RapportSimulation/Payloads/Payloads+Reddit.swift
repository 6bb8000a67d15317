import Foundation

extension Payloads {
  /// A Reddit `Listing` holding one `t1` comment, as `/r/SUB/comments.json` returns it.
  /// `post.id` is the comment's base-36 id; `post.title` (if any) names the thread in the permalink.
  public static func redditListing(
    post: SimulatedPost, author: SimulatedAuthor, subreddit: String, threadID: String
  ) -> String {
    var w = JSONWriter(capacity: 520 + post.text.utf8.count)
    w.raw(#"{"kind":"Listing","data":{"after":"t1_"#)
    w.escaped(post.id)
    w.raw(#"","dist":1,"children":[{"kind":"t1","data":{"id":"#)
    w.string(post.id)
    w.raw(#","name":"t1_"#)
    w.escaped(post.id)
    w.raw(#"","author":"#)
    w.string(author.handle)
    w.raw(#","body":"#)
    w.string(post.text)
    w.raw(#","created_utc":"#)
    w.int(Int(post.createdAt.timeIntervalSince1970))
    w.raw(#".0,"subreddit":"#)
    w.string(subreddit)
    w.raw(#","permalink":"/r/"#)
    w.escaped(subreddit)
    w.raw("/comments/")
    w.escaped(threadID)
    w.byte("/")
    w.escaped(slug(post.title.isEmpty ? post.text : post.title))
    w.byte("/")
    w.escaped(post.id)
    w.raw(#"/","link_id":"t3_"#)
    w.escaped(threadID)
    w.raw(#"","parent_id":"t3_"#)
    w.escaped(threadID)
    w.raw(#"","score":"#)
    w.int(post.likes)
    w.raw(#","author_flair_text":null}}],"before":null}}"#)
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
