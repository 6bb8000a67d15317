import Testing

@testable import RapportPublish

/// Bluesky facets against the official client's detection tests: bluesky-social/atproto
/// `packages/api/tests/rich-text-detection.test.ts` (commit cbf395d65dc589ffa3d3e4588b9d4c6a2210338b), whose
/// expected outputs are the text segments and what they link to; here each segment becomes a facet with
/// UTF-8 byte offsets, which is what the record carries.
@Suite("Bluesky text and facets")
struct BlueskyTextTests {
    /// The faceted parts of `text`: the substring each facet covers and its URI or handle.
    static func segments(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        return BlueskyText.facets(in: text).map { facet in
            let covered = String(decoding: bytes[facet.byteStart..<facet.byteEnd], as: UTF8.self)
            switch facet.feature {
            case .link(let uri): return [covered, uri]
            case .mention(let handle): return [covered, handle]
            }
        }
    }

    static let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F467}"

    static let cases: [(String, [[String]])] = [
        ("no mention", []),
        ("@handle.com middle end", [["@handle.com", "handle.com"]]),
        ("start @handle.com end", [["@handle.com", "handle.com"]]),
        ("@handle.com @handle.com @handle.com", Array(repeating: ["@handle.com", "handle.com"], count: 3)),
        ("@full123-chars.test", [["@full123-chars.test", "full123-chars.test"]]),
        ("not@right", []),
        ("@handle.com!@#$chars", [["@handle.com", "handle.com"]]),
        ("parenthetical (@handle.com)", [["@handle.com", "handle.com"]]),
        (family + " @handle.com " + family, [["@handle.com", "handle.com"]]),
        ("start https://middle.com/foo/bar?baz=bux#hash end", [["https://middle.com/foo/bar?baz=bux#hash"] * 2]),
        ("https://newline1.com\nhttps://newline2.com", [["https://newline1.com"] * 2, ["https://newline2.com"] * 2]),
        (family + " https://middle.com " + family, [["https://middle.com"] * 2]),
        ("start middle.com/foo/bar end", [["middle.com/foo/bar", "https://middle.com/foo/bar"]]),
        (
            "newline1.com\nnewline2.com",
            [["newline1.com", "https://newline1.com"], ["newline2.com", "https://newline2.com"]]
        ),
        ("a example.com/index.php php link", [["example.com/index.php", "https://example.com/index.php"]]),
        ("a trailing bsky.app: colon", [["bsky.app", "https://bsky.app"]]),
        ("not.. a..url ..here", []),
        ("e.g.", []),
        ("something-cool.jpg", []),
        ("website.com.jpg", []),
        ("e.g./foo", []),
        ("website.com.jpg/foo", []),
        (
            "punctuation https://foo.com, https://bar.com/whatever; https://baz.com.",
            [["https://foo.com"] * 2, ["https://bar.com/whatever"] * 2, ["https://baz.com"] * 2]
        ),
        ("parenthentical (https://foo.com)", [["https://foo.com"] * 2]),
        ("except for https://foo.com/thing_(cool)", [["https://foo.com/thing_(cool)"] * 2]),
    ]

    @Test("official detection examples", arguments: cases)
    func detection(_ example: (String, [[String]])) {
        #expect(Self.segments(example.0) == example.1)
    }

    /// The docs' example: "Go to this site" with a link on "this site" is bytes 6–15; with a multi-byte
    /// character before it, offsets move by its UTF-8 width, not by one.
    @Test("offsets are UTF-8 bytes")
    func byteOffsets() {
        let facets = BlueskyText.facets(in: "✨ https://example.com")
        #expect(facets == [BlueskyFacet(byteStart: 4, byteEnd: 23, feature: .link(uri: "https://example.com"))])
        let emoji = BlueskyText.facets(in: Self.family + " @alice.bsky.social")
        #expect(emoji.first?.byteStart == Self.family.utf8.count + 1)
        #expect(emoji.first?.byteEnd == Self.family.utf8.count + 1 + "@alice.bsky.social".utf8.count)
    }

    @Test("300 graphemes and 3,000 bytes")
    func limits() {
        let flags = String(repeating: "\u{1F1EB}\u{1F1F7}", count: 300)  // 300 graphemes, 2,400 bytes
        #expect(BlueskyText.measureGraphemes(flags).measured == 300)
        #expect(BlueskyText.measureGraphemes(flags).isWithinLimit)
        #expect(BlueskyText.measureBytes(flags).measured == 2400)
        let families = String(repeating: Self.family, count: 120)  // 120 graphemes, 3,000 bytes
        #expect(BlueskyText.measureBytes(families).isWithinLimit)
        #expect(!BlueskyText.measureBytes(families + "!").isWithinLimit)
        #expect(!BlueskyText.measureGraphemes(String(repeating: "a", count: 301)).isWithinLimit)
    }
}

extension Array where Element == String {
    fileprivate static func * (lhs: [String], rhs: Int) -> [String] {
        Array(repeating: lhs[0], count: rhs)
    }
}
