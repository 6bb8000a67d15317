/// Bluesky's limits on a post's text and the facets it must carry. The `app.bsky.feed.post` lexicon limits
/// `text` to 300 graphemes (`maxGraphemes`) and 3,000 bytes (`maxLength`, UTF-8). Facets follow the official
/// client's detection (bluesky-social/atproto, packages/api/src/rich-text/detection.ts): mentions are
/// `@handle.tld` after the start, a space or `(`; links are `http(s)://…` up to the next space, or a bare
/// `domain.tld…` whose TLD is known, without one trailing `.,;:!?` and without a trailing `)` that has no `(`.
public enum BlueskyText {
    /// `maxGraphemes` of a post's text.
    public static let maxGraphemes = 300
    /// `maxLength` of a post's text, in UTF-8 bytes.
    public static let maxBytes = 3000

    /// The grapheme measure.
    public static func measureGraphemes(_ text: String) -> TextLength {
        TextLength(network: .bluesky, limit: maxGraphemes, measured: text.count, unit: .graphemes)
    }

    /// The byte measure.
    public static func measureBytes(_ text: String) -> TextLength {
        TextLength(network: .bluesky, limit: maxBytes, measured: text.utf8.count, unit: .utf8Bytes)
    }

    /// The mention and link facets of `text`, in text order.
    public static func facets(in text: String) -> [BlueskyFacet] {
        let s = Array(text.unicodeScalars)
        // UTF-8 offset of every scalar offset (one more entry for the end).
        var byteOffsets = [Int](repeating: 0, count: s.count + 1)
        for (i, c) in s.enumerated() { byteOffsets[i + 1] = byteOffsets[i] + UTF8.width(c) }
        var facets: [BlueskyFacet] = []
        for (range, handle) in mentions(in: s) {
            facets.append(
                BlueskyFacet(
                    byteStart: byteOffsets[range.lowerBound], byteEnd: byteOffsets[range.upperBound],
                    feature: .mention(handle: handle)))
        }
        for (range, uri) in links(in: s) {
            facets.append(
                BlueskyFacet(
                    byteStart: byteOffsets[range.lowerBound], byteEnd: byteOffsets[range.upperBound],
                    feature: .link(uri: uri)))
        }
        return facets.sorted { $0.byteStart < $1.byteStart }
    }

    /// `(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)`, kept when the handle ends with a known TLD or `.test`.
    static func mentions(in s: [Unicode.Scalar]) -> [(Range<Int>, String)] {
        var found: [(Range<Int>, String)] = []
        var i = 0
        while i < s.count {
            guard s[i] == "@", isBoundary(s, before: i) else {
                i += 1
                continue
            }
            var end = i + 1
            while end < s.count, LinkScanner.isASCIIAlnum(s[end]) || s[end] == "." || s[end] == "-" { end += 1 }
            let runEnd = end
            // `\b` after the greedy run: back off to the last letter or digit.
            while end > i + 1, !LinkScanner.isASCIIAlnum(s[end - 1]) { end -= 1 }
            let handle = String(String.UnicodeScalarView(s[(i + 1)..<end]))
            if end > i + 1, isValidDomain(handle) || handle.lowercased().hasSuffix(".test") {
                found.append((i..<end, handle))
            }
            i = max(runEnd, i + 1)
        }
        return found
    }

    /// `(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))`, case-insensitive.
    static func links(in s: [Unicode.Scalar]) -> [(Range<Int>, String)] {
        var found: [(Range<Int>, String)] = []
        var i = 0
        while i < s.count {
            guard isBoundary(s, before: i) else {
                i += 1
                continue
            }
            var end = i
            var bare = false
            if LinkScanner.hasPrefix(s, at: i, "https://") || LinkScanner.hasPrefix(s, at: i, "http://") {
                end = i + (LinkScanner.hasPrefix(s, at: i, "https://") ? 8 : 7)
                guard end < s.count, !s[end].properties.isWhitespace else {
                    i += 1
                    continue
                }
            } else {
                guard let domainEnd = bareDomainEnd(s, from: i) else {
                    i += 1
                    continue
                }
                let domain = String(String.UnicodeScalarView(s[i..<domainEnd]))
                end = domainEnd
                while end < s.count, !s[end].properties.isWhitespace { end += 1 }
                guard isValidDomain(domain) else {
                    i = end
                    continue
                }
                bare = true
            }
            while end < s.count, !s[end].properties.isWhitespace { end += 1 }
            let matchEnd = end
            var uri = Array(s[i..<end])
            if let last = uri.last, ".,;:!?".unicodeScalars.contains(last) {
                uri.removeLast()
                end -= 1
            }
            if uri.last == ")", !uri.contains("(") {
                uri.removeLast()
                end -= 1
            }
            let written = String(String.UnicodeScalarView(uri))
            found.append((i..<end, bare ? "https://" + written : written))
            i = matchEnd
        }
        return found
    }

    /// The end of `[a-z][a-z0-9]*(\.[a-z0-9]+)+` from `i` (ASCII, case-insensitive), if it matches.
    private static func bareDomainEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        guard i < s.count, isASCIILetter(s[i]) else { return nil }
        var k = i + 1
        while k < s.count, LinkScanner.isASCIIAlnum(s[k]) { k += 1 }
        var end: Int?
        while k + 1 < s.count, s[k] == ".", LinkScanner.isASCIIAlnum(s[k + 1]) {
            k += 1
            while k < s.count, LinkScanner.isASCIIAlnum(s[k]) { k += 1 }
            end = k
        }
        return end
    }

    /// The official client's `isValidDomain`: the string ends with `.` and a known TLD.
    static func isValidDomain(_ domain: String) -> Bool {
        guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex else { return false }
        let tld = domain[domain.index(after: dot)...].lowercased()
        return TopLevelDomains.country.contains(tld) || TopLevelDomains.generic.contains(tld)
    }

    private static func isBoundary(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        i == 0 || s[i - 1].properties.isWhitespace || s[i - 1] == "("
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }
}
