import Foundation
import RapportCore

/// RSS 2.0 `<rss><channel><item>` and RSS 1.0 `<rdf:RDF><item>`.
///
/// Text is `content:encoded` when present (the full article), else `description`; the
/// author is `dc:creator`, else `author`, else the channel title; the id is `guid`, else
/// `link`, else a fingerprint of title and date.
enum RSSFeed {
    static func parse(_ root: SafeXMLElement, receivedAt: Date) throws(FormatError) -> ParseOutcome {
        let channel = root.child("channel")
        if root.localName == "rss", channel == nil { throw .missing("rss.channel") }
        let items = (channel?.children("item") ?? []) + (root.localName == "RDF" ? root.children("item") : [])
        let site = channel?.childText("link")
        let channelTitle = channel?.childText("title").map(HTMLText.text(fromHTML:))
        let language = LanguageTag.primary(channel?.childText("language"))
        return FeedParser.collect(items) { item throws(FormatError) in
            let title = item.childText("title").map(HTMLText.text(fromHTML:))
            let link = item.childText("link")
            let guidElement = item.child("guid")
            let guid = item.childText("guid")
            let html = item.childText("encoded") ?? item.childText("description") ?? ""
            var text = HTMLText.text(fromHTML: html)
            if text.isEmpty { text = title ?? "" }
            guard !text.isEmpty || link != nil else {
                throw FormatError(.missingField, "RSS item has no title, description or link")
            }
            let pubDate = try FeedParser.date(item.childText("pubDate"), field: "pubDate")
            let dcDate = try FeedParser.date(item.childText("date"), field: "dc:date")
            let created = pubDate ?? dcDate ?? receivedAt
            let permalink = guidElement?.attribute("isPermaLink") != "false" && guid?.hasPrefix("http") == true
            let authorName = item.childText("creator") ?? item.childText("author") ?? channelTitle ?? site ?? "unknown"
            return IncomingPost(
                network: .feed, externalID: guid ?? link ?? FeedParser.fingerprint(title, item.childText("pubDate")),
                url: link ?? (permalink ? guid : nil), author: FeedParser.author(name: authorName, site: site),
                text: text, title: title, language: language, createdAt: created, kind: .article,
                origin: .publicStream)
        }
    }
}
