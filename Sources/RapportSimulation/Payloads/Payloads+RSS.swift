import Foundation

extension Payloads {
    /// An RSS 2.0 document with one item (a review or blog post), as a feed poll would return it.
    /// `post.id` becomes the item's guid; `post.title` its title; the text goes in a CDATA description as HTML.
    public static func rssFeed(
        post: SimulatedPost, author: SimulatedAuthor, channelTitle: String, siteURL: String
    ) -> String {
        var w = JSONWriter(capacity: 700 + post.text.utf8.count)
        w.lit(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        w.raw("\n" + #"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">"#)
        w.lit("\n<channel>\n  <title>")
        w.raw(htmlEscaped(channelTitle))
        w.lit("</title>\n  <link>")
        w.raw(htmlEscaped(siteURL))
        w.lit("</link>\n  <description>Reviews and news</description>\n  <item>\n    <title>")
        w.raw(htmlEscaped(post.title.isEmpty ? String(post.text.prefix(60)) : post.title))
        w.lit("</title>\n    <link>")
        w.raw(htmlEscaped(siteURL + "posts/" + post.id))
        w.lit("</link>\n    <guid isPermaLink=\"false\">")
        w.raw(htmlEscaped(post.id))
        w.lit("</guid>\n    <dc:creator>")
        w.raw(htmlEscaped(author.name))
        w.lit("</dc:creator>\n    <pubDate>")
        w.rfc5322(post.createdAt)
        w.lit("</pubDate>\n    <description><![CDATA[<p>")
        // "]]>" cannot appear inside CDATA; split it across two sections if the text ever contains it.
        w.raw(htmlEscaped(post.text).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>"))
        w.lit("</p>]]></description>\n  </item>\n</channel>\n</rss>\n")
        return w.string
    }
}
