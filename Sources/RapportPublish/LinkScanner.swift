/// A link found in a text, as offsets into the text's Unicode scalars.
struct ScannedLink: Sendable, Hashable {
    /// Offset of the first scalar (the protocol, or the domain when there is none).
    var start: Int
    /// Offset one past the last scalar.
    var end: Int
    /// Whether the link was written with its protocol (`https://…`).
    var hasProtocol: Bool
}

/// Finds links the way twitter-text's `extractUrlsWithIndices` does (a domain that ends with a known TLD,
/// optional port, path and query, with the same rules for what may precede a link and which trailing
/// characters are left out), written as a scanner rather than twitter-text's regular expression so that the
/// work stays linear on hostile text. Mastodon runs twitter-text with its own regex patches
/// (config/initializers/twitter_regex.rb): more protocols, broader path and query characters, and links only
/// with a protocol; `Flavor.mastodon` follows them.
struct LinkScanner: Sendable {
    /// Whose rules to follow.
    enum Flavor: Sendable { case twitter, mastodon }

    /// twitter-text's `MAX_URL_LENGTH`: a longer candidate is not a link.
    static let maxURLLength = 4096
    /// The DNS limit on one label, checked on the punycode form as twitter-text's Java `IDN.toASCII` does.
    static let maxLabelLength = 63

    let flavor: Flavor
    /// Whether `example.com` without a protocol is a link (X: yes; Mastodon's counter: no).
    let bareDomains: Bool

    /// Every link in `text`, in order, without overlaps.
    func links(in text: [Unicode.Scalar]) -> [ScannedLink] {
        var found: [ScannedLink] = []
        var i = 0
        let n = text.count
        while i < n {
            guard Self.isValidPreceding(i == 0 ? nil : text[i - 1]) else {
                i += 1
                continue
            }
            let protocolLength = matchProtocol(text, at: i)
            if protocolLength == 0 {
                guard bareDomains, Self.isDomainChar(text[i]) else {
                    i += 1
                    continue
                }
                // twitter-text: a bare domain right after - _ . / is part of something else.
                if i > 0, "-_./".unicodeScalars.contains(text[i - 1]) {
                    i += 1
                    continue
                }
            }
            let hostStart = i + protocolLength
            switch matchDomain(text, from: hostStart) {
            case .none(let skipTo):
                // Every later start inside the same chain of labels reaches the same TLD candidates and fails
                // too, so skip the chain: this keeps the scan linear.
                i = protocolLength == 0 ? max(i + 1, skipTo) : i + 1
            case .found(let hostEnd, let labels):
                var end = hostEnd
                end = matchPort(text, from: end)
                let pathStart = end
                end = matchPath(text, from: end)
                let hasPath = end > pathStart && text[pathStart] == "/"
                end = matchQuery(text, from: end)
                if accepts(
                    text, start: i, hostStart: hostStart, hostEnd: hostEnd, end: end, labels: labels,
                    hasProtocol: protocolLength > 0, hasPath: hasPath)
                {
                    found.append(ScannedLink(start: i, end: end, hasProtocol: protocolLength > 0))
                }
                // Like a regex scan, a rejected candidate is consumed, not retried shorter.
                i = max(end, i + 1)
            }
        }
        return found
    }

    // MARK: Acceptance

    private func accepts(
        _ text: [Unicode.Scalar], start: Int, hostStart: Int, hostEnd: Int, end: Int, labels: [Range<Int>],
        hasProtocol: Bool, hasPath: Bool
    ) -> Bool {
        if !hasProtocol {
            // twitter-text extracts only ASCII domains without a protocol.
            guard text[hostStart..<hostEnd].allSatisfy({ $0.isASCII || Self.isLatinAccent($0) }) else { return false }
            // `label.cc` without a path is not a link, except the short-link ccTLDs (t.co, foo.tv).
            if !hasPath, labels.count == 2 {
                let tld = Self.lowercased(text[labels[1]])
                if TopLevelDomains.country.contains(tld), !TopLevelDomains.specialShortCountry.contains(tld) {
                    return false
                }
            }
        }
        var asciiHostLength = max(0, labels.count - 1)
        for label in labels {
            // Punycode never shortens a label, so a long one is rejected before encoding it.
            guard label.count <= Self.maxLabelLength, let length = Punycode.asciiLength(of: Array(text[label])),
                length > 0,
                length <= Self.maxLabelLength
            else { return false }
            asciiHostLength += length
        }
        let utf16Length = text[start..<end].reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) }
        let hostUTF16 = text[hostStart..<hostEnd].reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) }
        let length = utf16Length - hostUTF16 + asciiHostLength + (hasProtocol ? 0 : "https://".count)
        return length <= Self.maxURLLength
    }

    // MARK: Protocol, domain, port

    private func matchProtocol(_ text: [Unicode.Scalar], at i: Int) -> Int {
        let schemes =
            flavor == .twitter
            ? ["https://", "http://"]
            : ["https://", "http://", "dat://", "dweb://", "ipfs://", "ipns://", "ssb://", "gopher://", "gemini://"]
        for scheme in schemes where Self.hasPrefix(text, at: i, scheme) {
            return scheme.unicodeScalars.count
        }
        return 0
    }

    enum DomainMatch {
        case none(skipTo: Int)
        case found(end: Int, labels: [Range<Int>])
    }

    /// twitter-text's `validDomain`: `validSubdomain* validDomainName (gTLD | ccTLD | punycode)`, greedy. Labels
    /// are runs of domain characters with inner `-` and `_` (no `_` in the label just before the TLD); the TLD
    /// starts a label and must not be followed by `[a-zA-Z0-9@+-]`.
    private func matchDomain(_ text: [Unicode.Scalar], from start: Int) -> DomainMatch {
        let n = text.count
        var q = start
        var labels: [Range<Int>] = []
        var best: (end: Int, count: Int)?
        var previousHasUnderscore = false
        while q < n {
            let labelStart = q
            var hasUnderscore = false
            while q < n, Self.isDomainChar(text[q]) || text[q] == "-" || text[q] == "_" {
                if text[q] == "_" { hasUnderscore = true }
                q += 1
            }
            if !labels.isEmpty, !previousHasUnderscore, let tld = tldLength(text, at: labelStart) {
                best = (labelStart + tld, labels.count)
            }
            let valid = q > labelStart && Self.isDomainChar(text[labelStart]) && Self.isDomainChar(text[q - 1])
            guard valid, q < n, text[q] == "." else { break }
            labels.append(labelStart..<q)
            previousHasUnderscore = hasUnderscore
            q += 1
        }
        if let best {
            // The TLD is the label after the `count` labels before it (and may be a prefix of that label).
            let tldStart = labels[best.count - 1].upperBound + 1
            return .found(end: best.end, labels: Array(labels[0..<best.count]) + [tldStart..<best.end])
        }
        return .none(skipTo: q)
    }

    /// The length of the TLD starting at `i`, if one does (longest first).
    private func tldLength(_ text: [Unicode.Scalar], at i: Int) -> Int? {
        let n = text.count
        var candidate = ""
        var lengths: [(Int, String)] = []
        var k = i
        while k < n, k - i < TopLevelDomains.longest, text[k] != "." {
            guard Self.isDomainChar(text[k]) || text[k] == "-" else { break }
            candidate.unicodeScalars.append(Self.lowercased(text[k]))
            k += 1
            lengths.append((k - i, candidate))
        }
        for (length, tld) in lengths.reversed() where TopLevelDomains.contains(tld) {
            let next = i + length
            if next == n || !Self.blocksTLD(text[next]) { return length }
        }
        return nil
    }

    private func matchPort(_ text: [Unicode.Scalar], from i: Int) -> Int {
        guard i < text.count, text[i] == ":" else { return i }
        var k = i + 1
        while k < text.count, text[k].properties.numericType == .decimal, text[k].isASCII { k += 1 }
        return k > i + 1 ? k : i
    }

    // MARK: Path and query

    /// `/` then path characters, cut back to the last character a link may end with (so `/foo.` leaves the
    /// period out); balanced parentheses (`/wiki/Primer_(film)`) belong to the path.
    private func matchPath(_ text: [Unicode.Scalar], from i: Int) -> Int {
        guard i < text.count, text[i] == "/" else { return i }
        var k = i + 1
        var lastEnd = i + 1
        while k < text.count {
            let c = text[k]
            if c == "(" {
                guard let close = balancedParens(text, at: k) else { break }
                k = close
                lastEnd = k
            } else if isPathChar(c) {
                k += 1
                if isPathEnding(c) { lastEnd = k }
            } else {
                break
            }
        }
        return lastEnd
    }

    /// `(` path characters `)`, with one nested level, as twitter-text's `validUrlBalancedParens`.
    private func balancedParens(_ text: [Unicode.Scalar], at i: Int) -> Int? {
        var k = i + 1
        var depth = 1
        var inner = 0
        while k < text.count, k - i <= Self.maxURLLength {
            let c = text[k]
            if c == "(" {
                guard depth == 1 else { return nil }
                depth = 2
            } else if c == ")" {
                depth -= 1
                if depth == 0 { return inner > 0 ? k + 1 : nil }
            } else if isPathChar(c) {
                inner += 1
            } else {
                return nil
            }
            k += 1
        }
        return nil
    }

    private func matchQuery(_ text: [Unicode.Scalar], from i: Int) -> Int {
        guard i < text.count, text[i] == "?" else { return i }
        var k = i + 1
        var lastEnd = i
        while k < text.count, isQueryChar(text[k]) {
            if isQueryEnding(text[k]) { lastEnd = k + 1 }
            k += 1
        }
        return lastEnd
    }

    private func isPathChar(_ c: Unicode.Scalar) -> Bool {
        switch flavor {
        case .twitter:
            return Self.isASCIIAlnum(c) || "!*';:=+,.$/%#[]-_~|&@".unicodeScalars.contains(c)
                || (0x400...0x4FF).contains(c.value) || c.value == 0x2013 || Self.isLatinAccent(c)
        case .mastodon:
            return !c.properties.isWhitespace && !"<>()?".unicodeScalars.contains(c)
        }
    }

    private func isPathEnding(_ c: Unicode.Scalar) -> Bool {
        switch flavor {
        case .twitter:
            return Self.isASCIIAlnum(c) || "+-=_#/".unicodeScalars.contains(c) || (0x400...0x4FF).contains(c.value)
                || Self.isLatinAccent(c)
        case .mastodon:
            return isPathChar(c) && !"!*\"'「」;:=,.$%[]~&|@".unicodeScalars.contains(c)
        }
    }

    private func isQueryChar(_ c: Unicode.Scalar) -> Bool {
        if Self.isASCIIAlnum(c) || "!?*'@();:&=+$/%#[]-_.,~|".unicodeScalars.contains(c) { return true }
        return flavor == .mastodon && (c == "^" || Self.isMastodonUChar(c))
    }

    private func isQueryEnding(_ c: Unicode.Scalar) -> Bool {
        if Self.isASCIIAlnum(c) || "-_&=#/".unicodeScalars.contains(c) { return true }
        return flavor == .mastodon && Self.isMastodonUChar(c)
    }

    // MARK: Character classes (twitter-text's Regex.js)

    /// `validUrlPrecedingChars`: not a letter or digit, not @ $ # (or their full-width forms), not an invalid
    /// character; directional marks are allowed.
    static func isValidPreceding(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        if isDirectionalMark(c) { return true }
        return !isASCIIAlnum(c) && !"@＠$#＃".unicodeScalars.contains(c) && !isInvalid(c)
    }

    /// A character that may appear in a domain label: anything but ASCII punctuation, spaces, invalid
    /// characters and directional marks.
    static func isDomainChar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isASCIIAlnum(c) }
        return !c.properties.isWhitespace && !isInvalid(c) && !isDirectionalMark(c) && c.value != 0x3000
    }

    /// The lookahead after a TLD: `[a-zA-Z0-9@+-]` means the TLD is only the start of a longer word.
    static func blocksTLD(_ c: Unicode.Scalar) -> Bool {
        isASCIIAlnum(c) || c == "@" || c == "+" || c == "-"
    }

    /// twitter-text's invalid characters: U+FFFE, U+FEFF, U+FFFF.
    static func isInvalid(_ c: Unicode.Scalar) -> Bool {
        c.value == 0xFFFE || c.value == 0xFEFF || c.value == 0xFFFF
    }

    static func isDirectionalMark(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x202A...0x202E).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F
            || (0x2066...0x2069).contains(v)
    }

    static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
    }

    /// twitter-text's `latinAccentChars`.
    static func isLatinAccent(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0xC0...0xD6).contains(v) || (0xD8...0xF6).contains(v) || (0xF8...0x24F).contains(v)
            || [0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263, 0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB].contains(v)
            || (0x300...0x36F).contains(v) || (0x1E00...0x1EFF).contains(v)
    }

    /// Mastodon's `UCHARS` (non-ASCII characters allowed in a query).
    static func isMastodonUChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0xA0...0xD7FF).contains(v) || (0xF900...0xFDCF).contains(v) || (0xFDF0...0xFFEF).contains(v)
            || (0x10000...0x10FFFD).contains(v) && (v & 0xFFFF) <= 0xFFFD
    }

    static func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c >= "A" && c <= "Z" ? Unicode.Scalar(c.value + 32)! : c
    }

    static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var s = ""
        for c in scalars { s.unicodeScalars.append(lowercased(c)) }
        return s
    }

    static func hasPrefix(_ text: [Unicode.Scalar], at i: Int, _ prefix: String) -> Bool {
        var k = i
        for p in prefix.unicodeScalars {
            guard k < text.count, lowercased(text[k]) == p else { return false }
            k += 1
        }
        return true
    }
}
