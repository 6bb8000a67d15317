import Foundation

/// X's character counting, as twitter-text 3.0 defines it (config `v3.json`, `TwitterTextParser.parseTweet`):
/// the text is NFC-normalised; every link counts 23 whatever its length; an emoji (including ZWJ sequences,
/// skin tones, flags and keycaps) counts 2 as a whole; any other code point counts 1 in the ranges
/// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037, and 2 elsewhere (CJK, most symbols).
public enum XText {
    /// The longest post: 280 weighted characters.
    public static let maxWeightedLength = 280
    /// What every link counts (`transformedURLLength`).
    public static let transformedURLLength = 23

    /// The weighted length of `text`.
    public static func weightedLength(_ text: String) -> Int {
        analyse(text).weightedLength
    }

    /// The measure against X's limit.
    public static func measure(_ text: String) -> TextLength {
        TextLength(network: .x, limit: maxWeightedLength, measured: weightedLength(text), unit: .weightedCharacters)
    }

    /// Whether `text` holds a character X refuses (U+FFFE, U+FEFF, U+FFFF).
    public static func hasInvalidCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: LinkScanner.isInvalid)
    }

    struct Analysis {
        var weightedLength: Int
        var links: [ScannedLink]
    }

    static func analyse(_ text: String) -> Analysis {
        let normalized = text.precomposedStringWithCanonicalMapping
        let scalars = Array(normalized.unicodeScalars)
        let links = LinkScanner(flavor: .twitter, bareDomains: true).links(in: scalars)
        var weight = 0
        var offset = 0
        var nextLink = 0
        for character in normalized {
            let count = character.unicodeScalars.count
            defer { offset += count }
            // Skip the characters a counted link covers.
            while nextLink < links.count, links[nextLink].end <= offset { nextLink += 1 }
            if nextLink < links.count, links[nextLink].start <= offset {
                if links[nextLink].start == offset { weight += transformedURLLength }
                continue
            }
            if isEmoji(character) {
                weight += 2
            } else {
                for scalar in character.unicodeScalars { weight += Self.weight(of: scalar) }
            }
        }
        return Analysis(weightedLength: weight, links: links)
    }

    /// The weight of one code point outside links and emoji (twitter-text v3 `ranges`, default weight 200/100).
    static func weight(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0...0x10FF, 0x2000...0x200D, 0x2010...0x201F, 0x2032...0x2037: 1
        default: 2
        }
    }

    /// Whether a grapheme cluster is one emoji in twitter-text's sense (`emojiParsingEnabled`): a code point
    /// shown as emoji by default, or a sequence built on an emoji (variation selector 16, ZWJ, skin tone,
    /// keycap, tag sequence) or a pair of regional indicators (a flag). Digits, `#` and `*` alone are not.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if scalars.count == 1 { return first.properties.isEmojiPresentation }
        if isRegionalIndicator(first) {
            return scalars.count == 2 && scalars.allSatisfy(isRegionalIndicator)
        }
        guard first.properties.isEmoji else { return false }
        return first.properties.isEmojiPresentation
            || scalars.contains { v in
                v.value == 0xFE0F || v.value == 0x200D || v.value == 0x20E3 || v.properties.isEmojiModifier
                    || (0xE0020...0xE007F).contains(v.value)
            }
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
