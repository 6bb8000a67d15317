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
        w.lit(#"{"data":{"id":""#)
        w.raw(post.id)
        w.lit(#"","text":"#)
        w.string(post.text)
        w.lit(#","author_id":""#)
        w.raw(author.id)
        w.lit(#"","created_at":""#)
        w.iso8601(post.createdAt)
        w.lit(#"","conversation_id":""#)
        w.raw(post.id)
        w.byte("\"")
        if let language = post.language {
            w.lit(#","lang":"#)
            w.string(language)
        }
        w.lit(#","public_metrics":{"retweet_count":"#)
        w.int(post.reposts)
        w.lit(#","reply_count":"#)
        w.int(post.replies)
        w.lit(#","like_count":"#)
        w.int(post.likes)
        w.lit(#","quote_count":"#)
        w.int(post.quotes)
        w.byte("}")
        writeEntities(TextEntity.scan(post.text), mentionIDs: mentionIDs, into: &w)
        w.lit(#"},"includes":{"users":[{"id":""#)
        w.raw(author.id)
        w.lit(#"","name":"#)
        w.string(author.name)
        w.lit(#","username":"#)
        w.string(author.handle)
        w.lit(#","verified":"#)
        w.bool(author.verified)
        if !author.bio.isEmpty {
            w.lit(#","description":"#)
            w.string(author.bio)
        }
        w.lit(#","public_metrics":{"followers_count":"#)
        w.int(author.followers)
        w.lit(#","following_count":"#)
        w.int(author.following)
        w.lit(#","tweet_count":"#)
        w.int(author.postCount)
        w.lit(#","listed_count":"#)
        w.int(author.followers / 600)
        w.lit(#"}}]},"matching_rules":["#)
        for (index, rule) in rules.enumerated() {
            if index > 0 { w.byte(",") }
            w.lit(#"{"id":"#)
            w.string(rule.id)
            w.lit(#","tag":"#)
            w.string(rule.tag)
            w.byte("}")
        }
        w.lit("]}")
        return w.string
    }

    private static func writeEntities(
        _ entities: [TextEntity], mentionIDs: [String: String], into w: inout JSONWriter
    ) {
        guard !entities.isEmpty else { return }
        w.lit(#","entities":{"#)
        var wroteGroup = false
        for mentions in [true, false] {
            let group = entities.filter { $0.isMention == mentions }
            guard !group.isEmpty else { continue }
            if wroteGroup { w.byte(",") }
            wroteGroup = true
            w.raw(mentions ? #""mentions":["# : #""hashtags":["#)
            for (index, entity) in group.enumerated() {
                if index > 0 { w.byte(",") }
                w.lit(#"{"start":"#)
                w.int(entity.start)
                w.lit(#","end":"#)
                w.int(entity.end)
                w.raw(mentions ? #","username":"# : #","tag":"#)
                w.string(entity.name)
                if mentions, let id = mentionIDs[entity.name.lowercased()] {
                    w.lit(#","id":"#)
                    w.string(id)
                }
                w.byte("}")
            }
            w.byte("]")
        }
        w.byte("}")
    }
}
