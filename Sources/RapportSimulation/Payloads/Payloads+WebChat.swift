import Foundation

extension Payloads {
    /// Rapport's own web-chat message: `{"session_id","message_id","visitor":{"id","name"},"text","sent_at"}`
    /// with `sent_at` in ISO 8601. `post.id` is the message id and `author.id` the visitor id.
    public static func webChatMessage(post: SimulatedPost, author: SimulatedAuthor, sessionID: String)
        -> String
    {
        var w = JSONWriter(capacity: 200 + post.text.utf8.count)
        w.lit(#"{"session_id":"#)
        w.string(sessionID)
        w.lit(#","message_id":"#)
        w.string(post.id)
        w.lit(#","visitor":{"id":"#)
        w.string(author.id)
        w.lit(#","name":"#)
        w.string(author.name)
        w.lit(#"},"text":"#)
        w.string(post.text)
        w.lit(#","sent_at":""#)
        w.iso8601(post.createdAt)
        w.lit("\"}")
        return w.string
    }
}
