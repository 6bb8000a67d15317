import Foundation

extension Payloads {
    /// A Meta Graph webhook (`object: page`, field `feed`) announcing a comment on one of the Page's posts.
    ///
    /// `post.id` is the comment's own number; the comment id is `"<pagePostNumber>_<post.id>"`.
    public static func metaPageFeedComment(
        post: SimulatedPost, author: SimulatedAuthor, pageID: String, pagePostNumber: String
    ) -> String {
        let seconds = Int(post.createdAt.timeIntervalSince1970)
        let postID = pageID + "_" + pagePostNumber
        var w = JSONWriter(capacity: 700 + post.text.utf8.count)
        w.lit(#"{"object":"page","entry":[{"id":"#)
        w.string(pageID)
        w.lit(#","time":"#)
        w.int(seconds)
        w.lit(#","changes":[{"field":"feed","value":{"from":{"id":"#)
        w.string(author.id)
        w.lit(#","name":"#)
        w.string(author.name)
        w.lit(#"},"post":{"status_type":"added_photos","is_published":true,"updated_time":""#)
        w.graphTime(post.createdAt.addingTimeInterval(-3600))
        w.lit(#"","permalink_url":"https://www.facebook.com/"#)
        w.escaped(pageID)
        w.lit("/posts/")
        w.escaped(pagePostNumber)
        w.lit(#""},"message":"#)
        w.string(post.text)
        w.lit(#","post_id":"#)
        w.string(postID)
        w.lit(#","comment_id":"#)
        w.string(pagePostNumber + "_" + post.id)
        w.lit(#","created_time":"#)
        w.int(seconds)
        w.lit(#","item":"comment","parent_id":"#)
        w.string(postID)
        w.lit(#","verb":"add"}}]}]}"#)
        return w.string
    }

    /// A Meta Graph webhook (`object: page`, `messaging`) carrying one Messenger message to the Page.
    /// `post.id` is the message id (`mid`); `author.id` the sender's page-scoped id.
    public static func messengerMessage(post: SimulatedPost, author: SimulatedAuthor, pageID: String)
        -> String
    {
        let millis = Int((post.createdAt.timeIntervalSince1970 * 1000).rounded(.down))
        var w = JSONWriter(capacity: 360 + post.text.utf8.count)
        w.lit(#"{"object":"page","entry":[{"id":"#)
        w.string(pageID)
        w.lit(#","time":"#)
        w.int(millis + 123)
        w.lit(#","messaging":[{"sender":{"id":"#)
        w.string(author.id)
        w.lit(#"},"recipient":{"id":"#)
        w.string(pageID)
        w.lit(#"},"timestamp":"#)
        w.int(millis)
        w.lit(#","message":{"mid":"#)
        w.string(post.id)
        w.lit(#","text":"#)
        w.string(post.text)
        w.lit("}}]}]}")
        return w.string
    }

    /// A Meta Graph webhook (`object: instagram`, field `comments`) for a comment on one of the account's media.
    /// `post.id` is the comment id.
    public static func instagramComment(
        post: SimulatedPost, author: SimulatedAuthor, accountID: String, mediaID: String
    ) -> String {
        var w = JSONWriter(capacity: 400 + post.text.utf8.count)
        w.lit(#"{"object":"instagram","entry":[{"id":"#)
        w.string(accountID)
        w.lit(#","time":"#)
        w.int(Int(post.createdAt.timeIntervalSince1970))
        w.lit(#","changes":[{"field":"comments","value":{"from":{"id":"#)
        w.string(author.id)
        w.lit(#","username":"#)
        w.string(author.handle)
        w.lit(#"},"media":{"id":"#)
        w.string(mediaID)
        w.lit(#","media_product_type":"FEED"},"id":"#)
        w.string(post.id)
        w.lit(#","parent_id":null,"text":"#)
        w.string(post.text)
        w.lit("}}]}]}")
        return w.string
    }
}
