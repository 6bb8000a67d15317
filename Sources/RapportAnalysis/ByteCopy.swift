/// Copies `n` bytes that do not overlap, for the short pieces the analyser and its output copy
/// (words, topics, the fixed text of an output line): up to 32 bytes they go as two overlapping
/// loads and stores, reading and writing only the `n` bytes, instead of a `memmove` call, whose
/// call and size dispatch cost more than copying a short piece. (A byte loop would not do: the
/// compiler turns it back into a `memmove` call.)
@inline(__always) func copyBytes(_ source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count n: Int) {
    if n >= 16 {
        guard n <= 32 else {
            target.copyMemory(from: source, byteCount: n)
            return
        }
        let head = source.loadUnaligned(as: SIMD16<UInt8>.self)
        let tail = source.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self)
        target.storeBytes(of: head, as: SIMD16<UInt8>.self)
        target.storeBytes(of: tail, toByteOffset: n &- 16, as: SIMD16<UInt8>.self)
    } else if n >= 8 {
        let head = source.loadUnaligned(as: UInt64.self)
        let tail = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        target.storeBytes(of: head, as: UInt64.self)
        target.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
    } else if n >= 4 {
        let head = source.loadUnaligned(as: UInt32.self)
        let tail = source.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
        target.storeBytes(of: head, as: UInt32.self)
        target.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
    } else if n >= 2 {
        let head = source.loadUnaligned(as: UInt16.self)
        let tail = source.loadUnaligned(fromByteOffset: n &- 2, as: UInt16.self)
        target.storeBytes(of: head, as: UInt16.self)
        target.storeBytes(of: tail, toByteOffset: n &- 2, as: UInt16.self)
    } else if n == 1 {
        target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
    }
}
