/// Facebook Page and Instagram caption limits. Meta documents the numbers but not the unit; Rapport counts
/// grapheme clusters (what the author sees), see docs/publishing.md.
public enum MetaText {
    /// The longest Facebook Page post.
    public static let facebookMaxCharacters = 63_206
    /// The longest Instagram caption.
    public static let instagramMaxCharacters = 2_200
    /// The most hashtags an Instagram caption may carry.
    public static let instagramMaxHashtags = 30

    /// The Facebook measure.
    public static func measureFacebook(_ text: String) -> TextLength {
        TextLength(network: .facebook, limit: facebookMaxCharacters, measured: text.count, unit: .graphemes)
    }

    /// The Instagram caption measure.
    public static func measureInstagram(_ text: String) -> TextLength {
        TextLength(network: .instagram, limit: instagramMaxCharacters, measured: text.count, unit: .graphemes)
    }

    /// The Instagram hashtag measure.
    public static func measureInstagramHashtags(_ text: String) -> TextLength {
        TextLength(network: .instagram, limit: instagramMaxHashtags, measured: hashtagCount(text), unit: .hashtags)
    }

    /// Hashtags: `#` (or full-width `＃`) not preceded by a letter, digit or `_`, followed by at least one
    /// letter, digit or `_`, not only digits (as twitter-text and Instagram treat `#123`).
    public static func hashtagCount(_ text: String) -> Int {
        let s = Array(text.unicodeScalars)
        var count = 0
        var i = 0
        while i < s.count {
            guard s[i] == "#" || s[i] == "＃", i == 0 || !isTagChar(s[i - 1]) else {
                i += 1
                continue
            }
            var k = i + 1
            var hasLetter = false
            while k < s.count, isTagChar(s[k]) {
                if !(s[k].properties.numericType != nil) { hasLetter = true }
                k += 1
            }
            if hasLetter { count += 1 }
            i = max(k, i + 1)
        }
        return count
    }

    private static func isTagChar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.numericType == .decimal
            || c.properties.generalCategory == .nonspacingMark
    }
}
