import Foundation
import RapportCore

/// Atom 1.0 `<feed><entry>`.
///
/// Text is `content`, else `summary` (`type="html"` is converted from HTML, `xhtml`
/// contributes its text); the URL is the `alternate` link; the date is `published`,
/// else `updated`; the author is the entry's, else the feed's, else the feed title.
enum AtomFeed {
    static func parse(_ feed: SafeXMLElement, receivedAt: Date) -> ParseOutcome {
        let site = alternateLink(feed)
        let feedTitle = feed.child("title").map(text(of:))
        let feedAuthor = feed.child("author")?.childText("name")
        let feedLanguage = feed.attribute("xml:lang")
        return FeedParser.collect(feed.children("entry")) { entry throws(FormatError) in
            guard let id = entry.childText("id") else { throw .missing("entry.id") }
            let title = entry.child("title").map(text(of:))
            var body = (entry.child("content") ?? entry.child("summary")).map(text(of:)) ?? ""
            if body.isEmpty { body = title ?? "" }
            let published = try FeedParser.date(entry.childText("published"), field: "published")
            let updated = try FeedParser.date(entry.childText("updated"), field: "updated")
            let created = published ?? updated ?? receivedAt
            let authorName = entry.child("author")?.childText("name") ?? feedAuthor ?? feedTitle ?? site ?? "unknown"
            return IncomingPost(
                network: .feed, externalID: id, url: alternateLink(entry),
                author: FeedParser.author(name: authorName, site: site), text: body, title: title,
                language: LanguageTag.primary(entry.attribute("xml:lang") ?? feedLanguage), createdAt: created,
                kind: .article, origin: .publicStream)
        }
    }

    /// Text of an Atom text construct (`type` text, html or xhtml).
    static func text(of element: SafeXMLElement) -> String {
        switch element.attribute("type") {
        case "html", "text/html": HTMLText.text(fromHTML: element.text)
        // xhtml content is markup already parsed: its text nodes are the text, but the
        // block structure is lost, so it goes through the same whitespace rules.
        case "xhtml": HTMLText.text(fromHTML: HTMLText.escape(element.text))
        default: element.text.trimmingWhitespace
        }
    }

    /// `href` of the `rel="alternate"` link (or a link without `rel`).
    static func alternateLink(_ element: SafeXMLElement) -> String? {
        let links = element.children("link")
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attribute("href")
    }
}
