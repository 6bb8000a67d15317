/// The vocabulary's lookup table in memory owned by a `RuleIndex`: a struct of
/// plain pointers, so the per-token lookups pay no reference counting.
struct FrozenVocabulary {
    let slots: UnsafeBufferPointer<Int32>
    let slotHashes: UnsafeBufferPointer<UInt64>
    let keyBytes: UnsafeBufferPointer<UInt8>
    let keyStart: UnsafeBufferPointer<Int32>
    let keyLength: UnsafeBufferPointer<Int32>
    let slotMask: Int
    let prefixLengths: UInt64
    let longPrefixes: UnsafeBufferPointer<Int32>
    let count: Int

    init(_ vocabulary: Vocabulary, storage: inout FrozenStorage) {
        slots = storage.copy(vocabulary.slots)
        slotHashes = storage.copy(vocabulary.slotHashes)
        keyBytes = storage.copy(vocabulary.keyBytes)
        keyStart = storage.copy(vocabulary.keyStart)
        keyLength = storage.copy(vocabulary.keyLength)
        slotMask = vocabulary.slots.count - 1
        prefixLengths = vocabulary.prefixLengths
        longPrefixes = storage.copy(vocabulary.longPrefixes)
        count = vocabulary.count
    }

    /// The feature for `bytes[start ..< start + length]` as `kind`, given its
    /// running hash from `Vocabulary.step`; nil when no rule uses it.
    @inline(__always)
    func lookup(
        _ runningHash: UInt64, _ kind: Vocabulary.Kind, _ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int
    ) -> Int32? {
        let hash = Vocabulary.finish(runningHash, kind)
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if slotHashes[slot] == hash {
                let id = Int(entry - 1)
                if Int(keyLength[id]) == length, equal(bytes, start: start, key: Int(keyStart[id]), length: length) {
                    return Int32(id)
                }
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// The text of a feature (for long wildcards).
    func text(of id: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = Int(keyStart[Int(id)])
        return UnsafeBufferPointer(rebasing: keyBytes[start..<start + Int(keyLength[Int(id)])])
    }

    @inline(__always)
    private func equal(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, key: Int, length: Int) -> Bool {
        for offset in 0..<length where bytes[start + offset] != keyBytes[key + offset] { return false }
        return true
    }
}

/// Memory for frozen tables, freed together by the owning `RuleIndex`.
struct FrozenStorage {
    private(set) var allocations: [UnsafeMutableRawPointer] = []

    mutating func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        allocations.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }

    /// Only for trivial element types (all tables here are integers), so no deinitialisation.
    func deallocate() {
        for allocation in allocations { allocation.deallocate() }
    }
}
