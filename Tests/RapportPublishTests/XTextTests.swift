import Testing

@testable import RapportPublish

/// X's weighted length against the official twitter-text conformance examples. Unless noted, every case is
/// from twitter/twitter-text `conformance/validate.yml` (copy at conformance/tests/validate.yml, commit
/// 3b8031c80efe49f16fd282a55e28eb23aef2ad85), section `WeightedTweetsWithDiscountedEmojiCounterTest` (the
/// v3 configuration: emoji sequences count 2 as a whole). Texts with invisible characters are spelled with
/// escapes so the test says exactly what it counts.
@Suite("X weighted length (twitter-text conformance)")
struct XTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var description: String
        var text: String
        var expected: Int
        var testDescription: String { description }
    }

    static let xs = String(repeating: "xxxxxxxxxx-", count: 24)
    static let poem =
        "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。旧时王谢堂前燕，飞入寻常百姓家。"
        + "朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。"
        + "独在异乡为异客，每逢佳节倍思亲。遥知兄弟登高处，遍插茱萸少一人。"
    static let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
    static let kana = "あいうえおかきくけこ"

    static let discountedEmoji: [Case] = [
        Case(description: "Regular Tweet with url", text: "Hi http://test.co", expected: 26),
        Case(description: "Just url", text: "http://test.co", expected: 23),
        Case(
            description: "Long tweet, overflow at char index 280", text: "285 chars-" + xs + "xxxxxxxxxx-",
            expected: 285),
        Case(
            description: "Long tweet with url in the middle",
            text: "285 chars- http://www.twitter.com/jack " + xs, expected: 299),
        Case(description: "Long tweet with url at the end", text: xs + " http://www.twitter.com/jack ", expected: 289),
        Case(
            description: "10 url string, no overflow",
            text: String(repeating: "https://www.twitter.com/aloha ", count: 10), expected: 240),
        Case(description: "160 CJK char", text: poem, expected: 320),
        Case(description: "160 emoji char", text: String(repeating: "\u{1F637}", count: 160), expected: 320),
        Case(description: "3 latin char + 160 CJK char", text: "the" + poem, expected: 323),
        Case(description: "'Á' is normalized into 1 char", text: "A\u{301}B", expected: 2),
        Case(description: "שּׁ is normalized into 3 chars", text: "A\u{FB2C}", expected: 4),
        Case(
            description: "282 chars with a normalized character within valid range but outside 280",
            text: "282 chars-" + xs + "xxxxxA\u{301}x", expected: 281),
        Case(
            description: "Count a mix of single byte single word, and double word unicode characters",
            text: "H\u{1F431}\u{263A}" + family, expected: 7),
        Case(
            description: "Count unicode emoji chars inside the basic multilingual plane",
            text: "\u{1F637}\u{1F47E}\u{1F621}\u{1F525}\u{1F4A9}", expected: 10),
        Case(
            description: "Count unicode emoji chars outside the basic multilingual plane with skin tone modifiers",
            text: "\u{1F64B}\u{1F3FD}\u{1F468}\u{200D}\u{1F3A4}", expected: 4),
        Case(
            description: "Handle General Punctuation Characters with visible spaces(u2000-200A), no ZWJ/ZWNJ",
            text: "This is a tweet with general punctuation characters: "
                + "\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{200B}"
                + " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷", expected: 110),
        Case(
            description: "Handle a 64 character domain without protocol",
            text: String(repeating: "randomurl", count: 7) + "s.com", expected: 68),
        Case(
            description:
                "Do not allow > 140 CJK characters by virtue of CJK chars greater than 63 punycode encoded chars",
            text: String(repeating: kana, count: 12) + " http://" + String(repeating: kana, count: 5) + "あいう.com",
            expected: 358),
        Case(
            description: "Allow > 140 CJK characters by virtue of CJK chars less than 63 punycode encoded chars",
            text: String(repeating: kana, count: 12) + " http://" + String(repeating: kana, count: 5) + "あい.com",
            expected: 264),
        Case(description: "140 family emoji", text: String(repeating: family, count: 140), expected: 280),
        Case(
            description: "Unicode 10.0 emoji",
            text: "Unicode 10.0 emoji: \u{1F92A}; \u{1F9D5}; \u{1F9D5}\u{1F3FE}; "
                + "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", expected: 34),
        Case(
            description: "Unicode 9.0 emoji", text: "Unicode 9.0 emoji: \u{1F920}; \u{1F483}; \u{1F483}\u{1F3FE}",
            expected: 29),
        // Section UnicodeDirectionalMarkerCounterTest.
        Case(
            description: "Handle invalid characters", text: "ABC\u{202A}\u{FFFF}ABC\u{FFFE}", expected: 12),
        Case(
            description: "Tweet text containing directional characters should be considered valid",
            text: "\u{2066}\u{202A}http://foobar.پاکستان/\u{202C}\u{2069}", expected: 31),
        // conformance/validate.yml, section `lengths` (the cases whose count is the same under v3).
        Case(description: "Count the number of characters", text: "This is a test.", expected: 15),
        Case(description: "Count a URL starting with http:// as 23 characters", text: "http://test.com", expected: 23),
        Case(
            description: "Count a URL starting with https:// as 23 characters", text: "https://test.com", expected: 23),
        Case(description: "Count a URL without protocol as 23 characters", text: "test.com", expected: 23),
        Case(
            description: "Count multiple URLs correctly",
            text: "Test https://test.com test https://test.com test.com test", expected: 86),
        // Same text as `lengths` "Count unicode chars inside the basic multilingual plane" (4 under v1): under v3
        // Hangul is outside the weight-1 ranges, so 2 each.
        Case(description: "Hangul weighs 2 under v3", text: "저찀쯿쿿", expected: 8),
    ]

    @Test("weighted length", arguments: discountedEmoji)
    func weightedLength(_ example: Case) {
        #expect(XText.weightedLength(example.text) == example.expected)
    }

    /// validate.yml `urls_without_protocol`: each is one link, so it counts 23.
    @Test(
        "bare domains are links",
        arguments: [
            "example.com", "www.example.com", "t.co", "foo.co.jp", "example.com/path/to/resource?search=foo&lang=en",
        ])
    func bareDomains(_ text: String) {
        #expect(XText.weightedLength(text) == 23)
    }

    /// validate.yml `urls` (valid ones): each whole text is one link.
    @Test(
        "links with a protocol count 23",
        arguments: [
            "http://example.com", "https://example.com/path/to/resource?search=foo&lang=en",
            "http://twitter.com/#!/twitter", "HTTPS://www.ExaMPLE.COM/index.html",
            "http://sports.yahoo.com/nfl/news;_ylt=Aom0;ylu=XyZ?slug=ap-superbowlnotebook",
            "http://test_underscore.twitter.com", "http://☃.net/", "http://example.com/Русские_слова",
            "https://www.youtube.com/playlist?list=PL0ZPu8XSRTB7wZzn0mLHMvyzVFeRxbWn-",
        ])
    func protocolLinks(_ text: String) {
        #expect(XText.weightedLength(text) == 23)
    }

    /// Not links, so counted character by character (our own cases, following twitter-text's rules).
    @Test("not links")
    func notLinks() {
        #expect(XText.weightedLength("ftp://www.example.com/") == 22)  // only http(s) is a protocol
        #expect(XText.weightedLength("e.g. this") == 9)
        #expect(XText.weightedLength("see foo.de now") == 14)  // label.ccTLD without a path is a sentence
        #expect(XText.weightedLength("see foo.de/x now") == 31)  // …but with a path it is a link
        #expect(XText.weightedLength("mail me@example.com") == 19)
        #expect(XText.weightedLength("version 1.2.3") == 13)
    }

    @Test("a sentence's period stays out of the link")
    func trailingPunctuation() {
        #expect(XText.weightedLength("Read https://example.com/a.") == 5 + 23 + 1)
        #expect(XText.weightedLength("(https://en.wikipedia.org/wiki/Primer_(film))") == 1 + 23 + 1)
    }

    @Test("invalid characters are reported")
    func invalidCharacters() {
        #expect(XText.hasInvalidCharacters("ABC\u{FFFE}"))
        #expect(!XText.hasInvalidCharacters("ABC\u{202A}"))
    }

    @Test("the measure names network, limit and unit")
    func measure() {
        let m = XText.measure(String(repeating: "a", count: 281))
        #expect(m == TextLength(network: .x, limit: 280, measured: 281, unit: .weightedCharacters))
        #expect(!m.isWithinLimit)
    }
}
