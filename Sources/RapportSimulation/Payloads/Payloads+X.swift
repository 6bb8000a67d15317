extension Payloads {
  /// One line of the X API v2 filtered stream: `data` (the tweet, with entities for its @mentions and
  /// #hashtags), `includes.users` (the author) and `matching_rules`. No trailing newline.
  ///
  /// - Parameter mentionIDs: account ids of known handles (lowercased, without "@") for `entities.mentions`.
  public static func xStreamLine(
    post: SimulatedPost, author: SimulatedAuthor, rules: [XMatchingRule],
    mentionIDs: [String: String] = [:]
  ) -> String {
    var w = JSONWriter(capacity: 640 + post.text.utf8.count)
    w.raw(#"{"data":{"id":""#)
    w.raw(post.id)
    w.raw(#"","text":"#)
    w.string(post.text)
    w.raw(#","author_id":""#)
    w.raw(author.id)
    w.raw(#"","created_at":""#)
    w.iso8601(post.createdAt)
    w.raw(#"","conversation_id":""#)
    w.raw(post.id)
    w.byte("\"")
    if let language = post.language {
      w.raw(#","lang":"#)
      w.string(language)
    }
    w.raw(#","public_metrics":{"retweet_count":"#)
    w.int(post.reposts)
    w.raw(#","reply_count":"#)
    w.int(post.replies)
    w.raw(#","like_count":"#)
    w.int(post.likes)
    w.raw(#","quote_count":"#)
    w.int(post.quotes)
    w.byte("}")
    writeEntities(TextEntity.scan(post.text), mentionIDs: mentionIDs, into: &w)
    w.raw(#"},"includes":{"users":[{"id":""#)
    w.raw(author.id)
    w.raw(#"","name":"#)
    w.string(author.name)
    w.raw(#","username":"#)
    w.string(author.handle)
    w.raw(#","verified":"#)
    w.bool(author.verified)
    if !author.bio.isEmpty {
      w.raw(#","description":"#)
      w.string(author.bio)
    }
    w.raw(#","public_metrics":{"followers_count":"#)
    w.int(author.followers)
    w.raw(#","following_count":"#)
    w.int(author.following)
    w.raw(#","tweet_count":"#)
    w.int(author.postCount)
    w.raw(#","listed_count":"#)
    w.int(author.followers / 600)
    w.raw(#"}}]},"matching_rules":["#)
    for (index, rule) in rules.enumerated() {
      if index > 0 { w.byte(",") }
      w.raw(#"{"id":"#)
      w.string(rule.id)
      w.raw(#","tag":"#)
      w.string(rule.tag)
      w.byte("}")
    }
    w.raw("]}")
    return w.string
  }

  private static func writeEntities(
    _ entities: [TextEntity], mentionIDs: [String: String], into w: inout JSONWriter
  ) {
    guard !entities.isEmpty else { return }
    w.raw(#","entities":{"#)
    var wroteGroup = false
    for mentions in [true, false] {
      let group = entities.filter { $0.isMention == mentions }
      guard !group.isEmpty else { continue }
      if wroteGroup { w.byte(",") }
      wroteGroup = true
      w.raw(mentions ? #""mentions":["# : #""hashtags":["#)
      for (index, entity) in group.enumerated() {
        if index > 0 { w.byte(",") }
        w.raw(#"{"start":"#)
        w.int(entity.start)
        w.raw(#","end":"#)
        w.int(entity.end)
        w.raw(mentions ? #","username":"# : #","tag":"#)
        w.string(entity.name)
        if mentions, let id = mentionIDs[entity.name.lowercased()] {
          w.raw(#","id":"#)
          w.string(id)
        }
        w.byte("}")
      }
      w.byte("]")
    }
    w.byte("}")
  }
}
