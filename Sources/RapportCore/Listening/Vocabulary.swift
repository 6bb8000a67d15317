/// Every token text any rule mentions, interned to a dense integer feature id.
///
/// A post's tokens are hashed once and looked up here; a token no rule
/// mentions is dropped on the spot, so matching never builds a `String` per
/// token. The table is open addressing over 64-bit hashes, and a hit is
/// confirmed byte for byte, so a hash collision can never invent a match.
struct Vocabulary: Sendable {
    /// What kind of token a feature stands for; `prefix` is a `word*` wildcard.
    enum Kind: UInt8, Sendable {
        case word = 0
        case hashtag = 1
        case handle = 2
        case prefix = 3

        init(_ kind: TokenKind) { self = Kind(rawValue: kind.rawValue)! }
    }

    private struct Key: Hashable {
        var kind: Kind
        var text: [UInt8]
    }

    private var ids: [Key: Int32] = [:]
    private(set) var keyBytes: [UInt8] = []
    private(set) var keyStart: [Int32] = []
    private(set) var keyLength: [Int32] = []
    /// Hash slots: feature id + 1, 0 for empty.
    private(set) var slots: [Int32] = []
    private(set) var slotHashes: [UInt64] = []
    /// Bit `n` set when some `prefix*` wildcard is `n` bytes long.
    private(set) var prefixLengths: UInt64 = 0

    var count: Int { keyStart.count }

    /// The feature id of `text` as a token of `kind`, adding it when new.
    /// Call `freeze()` after the last `intern`.
    mutating func intern(_ kind: Kind, _ text: [UInt8]) -> Int32 {
        let key = Key(kind: kind, text: text)
        if let id = ids[key] { return id }
        let id = Int32(keyStart.count)
        ids[key] = id
        keyStart.append(Int32(keyBytes.count))
        keyLength.append(Int32(text.count))
        keyBytes.append(contentsOf: text)
        if kind == .prefix {
            // Longer wildcards are looked up by checking every prefix of a
            // word, so only lengths that fit the mask are indexed; the rest
            // fall back to a scan (see `longPrefixes`).
            if text.count < 64 {
                prefixLengths |= 1 << UInt64(text.count)
            } else {
                longPrefixes.append(id)
            }
        }
        return id
    }

    /// Wildcards of 64 bytes or more (absurd but legal), checked by comparison.
    private(set) var longPrefixes: [Int32] = []

    /// Builds the hash slots; `FrozenVocabulary` does the lookups.
    mutating func freeze() {
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        slotHashes = Array(repeating: 0, count: capacity)
        let slotMask = capacity - 1
        for (key, id) in ids {
            var hash = Self.seed
            for byte in key.text { hash = Self.step(hash, byte) }
            let finished = Self.finish(hash, key.kind)
            var slot = Int(truncatingIfNeeded: finished) & slotMask
            while slots[slot] != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = id + 1
            slotHashes[slot] = finished
        }
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step; the running hash of a word's first n bytes is the
    /// hash of its n-byte prefix, which makes wildcard lookups nearly free.
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// Mixes in the kind and spreads the bits for the table.
    @inline(__always)
    static func finish(_ hash: UInt64, _ kind: Kind) -> UInt64 {
        var x = hash ^ (UInt64(kind.rawValue &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        return x
    }
}
