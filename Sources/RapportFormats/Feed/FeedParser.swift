import Foundation
import RapportCore

/// RSS 2.0 (and RSS 1.0 / RDF) and Atom 1.0 documents. Each item or entry is one item
/// for failures, numbered from 1. Items become network `feed`, kind `article`, origin
/// `public`; HTML in descriptions and content is turned into text.
enum FeedParser {
    static func parse(
        _ raw: UnsafeRawBufferPointer, expected: PayloadFormat, receivedAt: Date, limits: ParseLimits
    ) throws(FormatError) -> ParseOutcome {
        let root = try SafeXMLParser.parse(raw, maxDepth: limits.maxXMLDepth)
        let isAtom = root.localName == "feed"
        let isRSS = root.localName == "rss" || root.localName == "RDF"
        switch (expected, isAtom, isRSS) {
        case (.atom, true, _), (.feed, true, _):
            return AtomFeed.parse(root, receivedAt: receivedAt)
        case (.rss, _, true), (.feed, _, true):
            return try RSSFeed.parse(root, receivedAt: receivedAt)
        default:
            let wanted = expected == .atom ? "an Atom <feed>" : expected == .rss ? "an RSS <rss>" : "an RSS or Atom"
            throw FormatError(.unsupportedEvent, "expected \(wanted) document, found root element <\(root.name)>")
        }
    }

    /// Runs `body` for each item, collecting posts and one failure per bad item.
    static func collect(
        _ items: [SafeXMLElement], _ body: (SafeXMLElement) throws(FormatError) -> IncomingPost
    ) -> ParseOutcome {
        var outcome = ParseOutcome()
        for (index, item) in items.enumerated() {
            do {
                outcome.posts.append(try body(item))
            } catch {
                outcome.failures.append(ItemFailure(location: .item(index + 1), error: error))
            }
        }
        return outcome
    }

    /// A feed author: the name is the handle; the id is scoped by the site so two
    /// blogs' "admin" stay apart.
    static func author(name: String, site: String?) -> Author {
        let host = site.flatMap { URLComponents(string: $0)?.host }
        return Author(
            network: .feed, externalID: host.map { "\($0)/\(name)" } ?? name, handle: name, displayName: name,
            profileURL: site)
    }

    static func date(_ text: String?, field: String) throws(FormatError) -> Date? {
        guard let text else { return nil }
        guard let date = DateParsing.any(text) else {
            throw FormatError(.invalidDate, "`\(field)` is not a date: \(text.prefix(40))")
        }
        return date
    }

    /// A stable id for items that have neither guid nor link.
    static func fingerprint(_ parts: String?...) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in (part ?? "").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01B3
            }
            hash ^= 0xFF
        }
        return "rapport:" + String(hash, radix: 16)
    }
}
