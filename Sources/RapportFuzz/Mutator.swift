import RapportCore

/// Deterministic byte-level mutations of seed inputs: input `i` of a run is a pure function of (seed, i), so any
/// crash or hang is replayed with `--replay i`.
struct Mutator {
    let seeds: [[UInt8]]
    let dictionary: [[UInt8]]
    let maxLength: Int

    /// The `iteration`-th input of a run with `seed`.
    func input(seed: UInt64, iteration: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: seed &+ UInt64(iteration) &* 0x9E37_79B9)
        var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
        let rounds = Int.random(in: 1...8, using: &rng)
        for _ in 0..<rounds { mutate(&bytes, using: &rng) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    private func mutate(_ bytes: inout [UInt8], using rng: inout SeededGenerator) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0 where !bytes.isEmpty:  // flip a bit
            bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1 where !bytes.isEmpty:  // an interesting byte
            bytes[position] =
                [0, 0x7F, 0x80, 0xFF, 0xC0, 0xED, 0xF4, 0x22, 0x5C, 0x0A, 0x0D, 0x3C][
                    Int.random(in: 0..<12, using: &rng)]
        case 2 where !bytes.isEmpty:  // delete a run
            let count = min(bytes.count - position, Int.random(in: 1...64, using: &rng))
            bytes.removeSubrange(position..<(position + count))
        case 3:  // insert a dictionary token
            bytes.insert(contentsOf: dictionary[Int.random(in: 0..<dictionary.count, using: &rng)], at: position)
        case 4 where !bytes.isEmpty:  // duplicate a run (deep nesting, repeated keys)
            let count = min(bytes.count - position, Int.random(in: 1...256, using: &rng))
            let run = Array(bytes[position..<(position + count)])
            for _ in 0..<Int.random(in: 1...16, using: &rng) { bytes.insert(contentsOf: run, at: position) }
        case 5:  // splice another seed's tail
            let other = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            guard !other.isEmpty else { return }
            let from = Int.random(in: 0..<other.count, using: &rng)
            bytes.removeSubrange(position..<bytes.count)
            bytes.append(contentsOf: other[from...])
        case 6 where !bytes.isEmpty:  // truncate
            bytes.removeSubrange(position..<bytes.count)
        case 7:  // random bytes
            bytes.insert(
                contentsOf: (0..<Int.random(in: 1...32, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng)
                },
                at: position)
        default:  // a digit run (huge numbers, lengths)
            bytes.insert(
                contentsOf: Array(repeating: UInt8(ascii: "9"), count: Int.random(in: 1...400, using: &rng)),
                at: position)
        }
    }
}
