import Foundation

extension Payloads {
  /// An RSS 2.0 document with one item (a review or blog post), as a feed poll would return it.
  /// `post.id` becomes the item's guid; `post.title` its title; the text goes in a CDATA description as HTML.
  public static func rssFeed(
    post: SimulatedPost, author: SimulatedAuthor, channelTitle: String, siteURL: String
  ) -> String {
    var w = JSONWriter(capacity: 700 + post.text.utf8.count)
    w.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    w.raw("\n" + #"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">"#)
    w.raw("\n<channel>\n  <title>")
    w.raw(htmlEscaped(channelTitle))
    w.raw("</title>\n  <link>")
    w.raw(htmlEscaped(siteURL))
    w.raw("</link>\n  <description>Reviews and news</description>\n  <item>\n    <title>")
    w.raw(htmlEscaped(post.title.isEmpty ? String(post.text.prefix(60)) : post.title))
    w.raw("</title>\n    <link>")
    w.raw(htmlEscaped(siteURL + "posts/" + post.id))
    w.raw("</link>\n    <guid isPermaLink=\"false\">")
    w.raw(htmlEscaped(post.id))
    w.raw("</guid>\n    <dc:creator>")
    w.raw(htmlEscaped(author.name))
    w.raw("</dc:creator>\n    <pubDate>")
    w.rfc5322(post.createdAt)
    w.raw("</pubDate>\n    <description><![CDATA[<p>")
    // "]]>" cannot appear inside CDATA; split it across two sections if the text ever contains it.
    w.raw(htmlEscaped(post.text).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>"))
    w.raw("</p>]]></description>\n  </item>\n</channel>\n</rss>\n")
    return w.string
  }
}
