/// Mastodon's character counting (app/validators/status_length_validator.rb): the content warning and the
/// text are counted together in grapheme clusters (`each_grapheme_cluster.size`; older versions
/// `mb_chars.grapheme_length`), after every link written with its protocol is replaced by
/// `characters_reserved_per_url` characters and every `@user@domain` mention by `@user`. Bare domains are not
/// links there (`extract_url_without_protocol: false`).
public enum MastodonText {
    /// The length Mastodon checks against `max_characters`.
    public static func countableLength(
        _ text: String, contentWarning: String = "", limits: MastodonInstanceLimits = .default
    ) -> Int {
        contentWarning.count + countableText(text, charactersPerURL: limits.charactersReservedPerURL).count
    }

    /// The measure against the instance's limit.
    public static func measure(
        _ text: String, contentWarning: String = "", limits: MastodonInstanceLimits = .default
    ) -> TextLength {
        TextLength(
            network: .mastodon, limit: limits.maxCharacters,
            measured: countableLength(text, contentWarning: contentWarning, limits: limits), unit: .graphemes)
    }

    /// The text with links and mentions rewritten the way Mastodon counts them.
    static func countableText(_ text: String, charactersPerURL: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let links = LinkScanner(flavor: .mastodon, bareDomains: false).links(in: scalars)
        var entities: [(range: Range<Int>, replacement: String)] = links.map {
            ($0.start..<$0.end, String(repeating: "x", count: max(0, charactersPerURL)))
        }
        // Mentions that overlap a link are dropped (`remove_overlapping_entities` keeps the earlier one).
        var linkIndex = 0
        for mention in mentions(in: scalars) {
            while linkIndex < links.count, links[linkIndex].end <= mention.range.lowerBound { linkIndex += 1 }
            if linkIndex < links.count, links[linkIndex].start < mention.range.upperBound { continue }
            entities.append((mention.range, "@" + mention.username))
        }
        entities.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result = String.UnicodeScalarView()
        var cursor = 0
        for entity in entities where entity.range.lowerBound >= cursor {
            result.append(contentsOf: scalars[cursor..<entity.range.lowerBound])
            result.append(contentsOf: entity.replacement.unicodeScalars)
            cursor = entity.range.upperBound
        }
        result.append(contentsOf: scalars[cursor...])
        return String(result)
    }

    /// Mastodon's `Account::MENTION_RE`: `@user` or `@user@domain`, not after `=`, `/` or a word character;
    /// the user is `[a-z0-9_]+` joined by `.` or `-`.
    static func mentions(in s: [Unicode.Scalar]) -> [(range: Range<Int>, username: String)] {
        var found: [(Range<Int>, String)] = []
        var i = 0
        while i < s.count {
            guard s[i] == "@", i == 0 || !(s[i - 1] == "=" || s[i - 1] == "/" || isWord(s[i - 1])) else {
                i += 1
                continue
            }
            var k = i + 1
            var lastWordEnd = -1
            while k < s.count {
                if isUserChar(s[k]) {
                    k += 1
                    lastWordEnd = k
                } else if (s[k] == "." || s[k] == "-"), lastWordEnd == k {
                    var j = k
                    while j < s.count, s[j] == "." || s[j] == "-" { j += 1 }
                    guard j < s.count, isUserChar(s[j]) else { break }
                    k = j
                } else {
                    break
                }
            }
            guard lastWordEnd > i + 1 else {
                i += 1
                continue
            }
            let username = String(String.UnicodeScalarView(s[(i + 1)..<lastWordEnd]))
            var end = lastWordEnd
            // Optional `@domain`: `[[:word:].-]+` ending with a word character.
            if end < s.count, s[end] == "@" {
                var j = end + 1
                var domainEnd = -1
                while j < s.count, isWord(s[j]) || s[j] == "." || s[j] == "-" {
                    if isWord(s[j]) { domainEnd = j + 1 }
                    j += 1
                }
                if domainEnd > end + 2 { end = domainEnd }
            }
            found.append((i..<end, username))
            i = end
        }
        return found
    }

    private static func isUserChar(_ c: Unicode.Scalar) -> Bool {
        LinkScanner.isASCIIAlnum(c) || c == "_"
    }

    private static func isWord(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
