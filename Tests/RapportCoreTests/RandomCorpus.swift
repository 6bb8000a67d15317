import Foundation

@testable import RapportCore

/// Seeded random queries and documents over a small shared vocabulary, so
/// that random queries actually hit random posts.
struct RandomCorpus {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let words = ["acme", "globex", "down", "outage", "café", "no", "signal", "mobile", "love", "hate", "the"]
    static let tags = ["acme", "fail", "acmefail", "globex"]
    static let handles = ["acmemobile", "globex", "kim@mastodon.example"]

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }

    // MARK: Queries

    mutating func query(depth: Int = 0) -> String {
        if depth >= 3 || chance(35) { return leaf() }
        let left = query(depth: depth + 1)
        let right = query(depth: depth + 1)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return "\(left) AND \(right)"
        case 1: return "\(left) \(right)"
        case 2: return "\(left) OR \(right)"
        case 3: return "(\(left) OR \(right))"
        case 4: return "NOT \(left)"
        default: return "\(left) -(\(right))"
        }
    }

    private mutating func leaf() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1, 2: return chance(20) ? pick(Self.words).uppercased() : pick(Self.words)
        case 3: return String(pick(Self.words).prefix(3)) + "*"
        case 4: return "#" + pick(Self.tags)
        case 5: return "@" + pick(Self.handles)
        case 6: return "\"\(pick(Self.words)) \(pick(Self.words))\""
        case 7: return "\"#\(pick(Self.tags)) \(pick(Self.words))\""
        case 8: return pick(["acme's", "t-mobile", "acme.mobile"])
        default:
            return pick([
                "lang:en", "lang:es", "network:x", "network:reddit", "min_followers:1000", "max_followers:500",
                "verified:true", "author:user1", "author:user*", "kind:reply", "origin:public",
            ])
        }
    }

    // MARK: Documents

    mutating func document() -> MatchDocument {
        let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in token() }.joined(
            separator: pick([" ", ", ", " ... "]))
        return MatchDocument(
            text: text, title: chance(20) ? token() + " " + token() : nil,
            hashtags: chance(20) ? [pick(Self.tags.map { $0.uppercased() })] : [],
            mentionedHandles: chance(20) ? [pick(Self.handles)] : [],
            language: pick([nil, "en", "es", "en-GB"]), network: pick([nil, .x, .reddit, .feed]),
            authorHandle: pick([nil, "user1", "User12", "@user1", "other"]),
            followers: chance(80) ? Int.random(in: 0..<5000, using: &random) : nil, verified: chance(30),
            kind: pick([nil, .post, .reply]), origin: pick([nil, .publicStream, .owned]))
    }

    private mutating func token() -> String {
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return "#" + pick(Self.tags).capitalized
        case 1: return "@" + pick(Self.handles)
        case 2: return pick(["CAFE", "Café", "cafe\u{301}", "Acme's", "T-Mobile", "acme.mobile", "sam@acme.com"])
        case 3: return pick(["🔥", "acme🔥", "(acme)", "acmemobile", "globexes", "outages", "acm"])
        default: return chance(15) ? pick(Self.words).uppercased() : pick(Self.words)
        }
    }
}
