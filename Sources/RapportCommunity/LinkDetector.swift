import Foundation

/// Finds links in members' text, for moderation: a post with a link waits for a moderator.
///
/// Linear in the text and deliberately generous (a false alarm costs a moderator a click; a missed spam link
/// reaches the public page): anything with a scheme (`https://`, `ftp://`), anything starting `www.`, and bare
/// domains (`cheap-pills.shop/x`) whose last label is a top-level domain in ``topLevelDomains`` or any
/// two-letter country code. Version numbers (`v2.0`), abbreviations (`e.g.`) and decimals are not links.
public enum LinkDetector {
    /// Common generic top-level domains (country codes are recognised by their two letters).
    public static let topLevelDomains: Set<String> = [
        "com", "net", "org", "info", "biz", "xyz", "top", "site", "online", "shop", "store", "club", "link", "click",
        "app", "dev", "page", "live", "life", "world", "today", "news", "blog", "tech", "space", "website", "pro",
        "vip", "win", "bid", "loan", "work", "men", "date", "review", "stream", "download", "gov", "edu", "mobi",
        "name", "email", "money", "cash", "casino", "bet", "porn", "sex", "xxx", "crypto", "finance", "icu", "cyou",
        "rest", "buzz", "fun", "monster", "sbs", "cfd", "lol", "ly",
    ]

    /// Whether `text` holds at least one link.
    public static func containsLink(_ text: String) -> Bool { count(in: text, stoppingAt: 1) > 0 }

    /// How many links `text` holds (counting stops at `stoppingAt`).
    public static func count(in text: String, stoppingAt limit: Int = .max) -> Int {
        var found = 0
        // Words are split on whitespace and on the characters that usually surround a link in prose.
        for word in text.split(whereSeparator: { $0.isWhitespace || "<>\"'()[]{}|\\^`".contains($0) }) {
            if isLink(Substring(word.lowercased())) {
                found += 1
                if found >= limit { return found }
            }
        }
        return found
    }

    static func isLink(_ word: Substring) -> Bool {
        if let range = word.range(of: "://") {
            let scheme = word[..<range.lowerBound]
            return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "+" || $0 == "-") }
                && word[range.upperBound...].contains { $0.isLetter || $0.isNumber }
        }
        if word.hasPrefix("www.") && word.count > 5 { return true }
        // A bare domain: the host part before any path, port or query.
        var host = word.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        while let last = host.last, ".,;!".contains(last) { host = host.dropLast() }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }) else { return false }
        guard
            labels.allSatisfy({ label in
                label.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") }
            })
        else { return false }
        let tld = String(labels.last!)
        guard tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        // "e.g" and single letters are abbreviations; the name before the TLD needs a letter or digit run of 2+,
        // or a known TLD.
        if topLevelDomains.contains(tld) { return labels.dropLast().last!.count >= 1 }
        return tld.count == 2 && labels.dropLast().last!.count >= 2
    }
}
