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
    w.raw(#"{"object":"page","entry":[{"id":"#)
    w.string(pageID)
    w.raw(#","time":"#)
    w.int(seconds)
    w.raw(#","changes":[{"field":"feed","value":{"from":{"id":"#)
    w.string(author.id)
    w.raw(#","name":"#)
    w.string(author.name)
    w.raw(#"},"post":{"status_type":"added_photos","is_published":true,"updated_time":""#)
    w.graphTime(post.createdAt.addingTimeInterval(-3600))
    w.raw(#"","permalink_url":"https://www.facebook.com/"#)
    w.escaped(pageID)
    w.raw("/posts/")
    w.escaped(pagePostNumber)
    w.raw(#""},"message":"#)
    w.string(post.text)
    w.raw(#","post_id":"#)
    w.string(postID)
    w.raw(#","comment_id":"#)
    w.string(pagePostNumber + "_" + post.id)
    w.raw(#","created_time":"#)
    w.int(seconds)
    w.raw(#","item":"comment","parent_id":"#)
    w.string(postID)
    w.raw(#","verb":"add"}}]}]}"#)
    return w.string
  }

  /// A Meta Graph webhook (`object: page`, `messaging`) carrying one Messenger message to the Page.
  /// `post.id` is the message id (`mid`); `author.id` the sender's page-scoped id.
  public static func messengerMessage(post: SimulatedPost, author: SimulatedAuthor, pageID: String)
    -> String
  {
    let millis = Int((post.createdAt.timeIntervalSince1970 * 1000).rounded(.down))
    var w = JSONWriter(capacity: 360 + post.text.utf8.count)
    w.raw(#"{"object":"page","entry":[{"id":"#)
    w.string(pageID)
    w.raw(#","time":"#)
    w.int(millis + 123)
    w.raw(#","messaging":[{"sender":{"id":"#)
    w.string(author.id)
    w.raw(#"},"recipient":{"id":"#)
    w.string(pageID)
    w.raw(#"},"timestamp":"#)
    w.int(millis)
    w.raw(#","message":{"mid":"#)
    w.string(post.id)
    w.raw(#","text":"#)
    w.string(post.text)
    w.raw("}}]}]}")
    return w.string
  }

  /// A Meta Graph webhook (`object: instagram`, field `comments`) for a comment on one of the account's media.
  /// `post.id` is the comment id.
  public static func instagramComment(
    post: SimulatedPost, author: SimulatedAuthor, accountID: String, mediaID: String
  ) -> String {
    var w = JSONWriter(capacity: 400 + post.text.utf8.count)
    w.raw(#"{"object":"instagram","entry":[{"id":"#)
    w.string(accountID)
    w.raw(#","time":"#)
    w.int(Int(post.createdAt.timeIntervalSince1970))
    w.raw(#","changes":[{"field":"comments","value":{"from":{"id":"#)
    w.string(author.id)
    w.raw(#","username":"#)
    w.string(author.handle)
    w.raw(#"},"media":{"id":"#)
    w.string(mediaID)
    w.raw(#","media_product_type":"FEED"},"id":"#)
    w.string(post.id)
    w.raw(#","parent_id":null,"text":"#)
    w.string(post.text)
    w.raw("}}]}]}")
    return w.string
  }
}
