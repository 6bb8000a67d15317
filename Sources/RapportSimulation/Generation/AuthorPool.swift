import Foundation

/// A fixed population of people whose traits are derived from (seed, index) on demand, so a pool of millions
/// costs no memory and the same person keeps the same name, handles and audience for the whole run.
struct AuthorPool: Sendable {
    /// Everything about one person that does not depend on the network.
    struct Person {
        var index: Int
        var name: String
        /// ASCII handle stem, e.g. "samcarter".
        var stem: String
        /// Audience on the largest network; heavy-tailed (Pareto, alpha 1.05: median ≈ 40, most have tens to hundreds,
        /// a handful have millions).
        var followers: Int
        var verified: Bool
        var bio: String
        var hash: UInt64
    }

    let size: Int
    private let salt: UInt64

    init(seed: UInt64, size: Int) {
        self.size = max(1, size)
        salt = SplitMix64.mix(seed ^ 0xA17A_0B5E_55ED_0001)
    }

    /// The person at `index` (0..<size).
    func person(_ index: Int) -> Person {
        var g = SplitMix64(state: salt ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let first = Names.first[Int(g.next() % UInt64(Names.first.count))]
        let last = Names.last[Int(g.next() % UInt64(Names.last.count))]
        let followers = Int(min(90_000_000, g.pareto(minimum: 20, alpha: 1.05)).rounded(.down))
        // Verification follows audience: almost nobody under 10k, most accounts over a million.
        let verifiedOdds = 0.002 + 0.9 * Double(followers) / (Double(followers) + 150_000)
        let verified = g.unit() < verifiedOdds
        let style = g.next() % 4
        let suffix = Self.base36(index)
        let stem: String
        switch style {
        case 0: stem = first.ascii + last.ascii + suffix
        case 1: stem = first.ascii + "_" + last.ascii + suffix
        case 2: stem = first.ascii + suffix
        default: stem = String(first.ascii.prefix(1)) + last.ascii + suffix
        }
        let bio =
            followers > 100_000
            ? Names.bigBios[Int(g.next() % UInt64(Names.bigBios.count))]
            : Names.bios[Int(g.next() % UInt64(Names.bios.count))]
        return Person(
            index: index, name: first.display + " " + last.display, stem: stem, followers: followers,
            verified: verified, bio: bio, hash: g.next())
    }

    /// Lowercase base-36 digits of `value`; the generic `String(_:radix:)` is measurably slower in the hot path.
    static func base36(_ value: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(8)
        var v = Swift.max(0, value)
        repeat {
            out.append(v % 36 < 10 ? UInt8(48 + v % 36) : UInt8(87 + v % 36))
            v /= 36
        } while v > 0
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// Picks a poster: low indices post far more often (density ∝ i^(-2/3)), so regulars recur.
    func drawIndex(_ rng: inout SimulationRandom) -> Int {
        let u = rng.unit()
        return min(size - 1, Int(Double(size) * u * u * u))
    }

    /// How `person` appears on `network`: id scheme, handle style and audience differ per platform.
    func author(_ person: Person, on network: SimulatedNetwork) -> SimulatedAuthor {
        // Ids are a bijection of the index (odd multiplier modulo 2^k), so they are unique within the pool.
        let scrambled = (UInt64(person.index) &* 0x5851_F42D_4C95_7F2D ^ salt) & 0x3_FFFF_FFFF_FFFF
        let f = person.followers
        switch network {
        case .x:
            return SimulatedAuthor(
                id: String(10_000_000 + scrambled), handle: person.stem, name: person.name, followers: f,
                following: 50 + Int(person.hash % 900), postCount: 100 + Int(person.hash % 40_000),
                verified: person.verified, bio: person.bio)
        case .bluesky:
            return SimulatedAuthor(
                id: "did:plc:" + Payloads.base32(scrambled, person.hash, count: 24),
                handle: person.stem + ".bsky.social", name: person.name, followers: f / 4,
                following: 30 + Int(person.hash % 500), postCount: 20 + Int(person.hash % 5000),
                verified: false, bio: person.bio)
        case .mastodon:
            return SimulatedAuthor(
                id: String(109_000_000_000 + scrambled % 900_000_000_000), handle: person.stem,
                name: person.name,
                followers: f / 6, following: 40 + Int(person.hash % 400),
                postCount: 50 + Int(person.hash % 9000),
                verified: false, bio: person.bio)
        case .reddit:
            return SimulatedAuthor(
                id: "t2_" + String(scrambled, radix: 36),
                handle: person.stem.replacingOccurrences(of: ".", with: "_"),
                name: person.stem, followers: f / 20, verified: false)
        case .facebookComment, .messenger:
            return SimulatedAuthor(
                id: String(6_000_000_000_000_000 + scrambled), handle: person.stem, name: person.name,
                followers: network == .messenger ? 0 : f, verified: false)
        case .instagramComment:
            return SimulatedAuthor(
                id: String(17_840_000_000_000_000 + scrambled % 10_000_000_000_000), handle: person.stem,
                name: person.name, followers: f, verified: person.verified)
        case .email:
            let domain = Names.mailDomains[Int(person.hash % UInt64(Names.mailDomains.count))]
            return SimulatedAuthor(id: person.stem + "@" + domain, handle: person.stem, name: person.name)
        case .webchat:
            return SimulatedAuthor(
                id: "v-" + String(scrambled, radix: 16), handle: person.stem, name: person.name)
        case .rss:
            return SimulatedAuthor(id: person.stem, handle: person.stem, name: person.name, followers: 0)
        }
    }
}
