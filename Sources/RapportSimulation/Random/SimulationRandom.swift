/// A small, fast, seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// A value type so that a simulation can be copied, replayed and shared across tasks: the same seed always
/// yields the same sequence on every platform, which is what makes simulated runs reproducible.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole state is derived from `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads a possibly tiny seed (0, 1, 2…) over the 256-bit state; xoshiro must never be all zero.
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// SplitMix64: used to seed xoshiro and to derive stable per-entity values (an author's traits) from an index
/// without keeping them in memory.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; equal states give equal sequences.
    public var state: UInt64

    /// Creates a generator starting at `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A one-shot hash of `value` (the SplitMix64 finaliser), for stable derived identifiers.
    public static func mix(_ value: UInt64) -> UInt64 {
        var g = SplitMix64(state: value)
        return g.next()
    }
}
