#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input split into lines (without the `\n`), read 1 MB at a time with `read(2)`.
struct StandardInputLines {
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// A line longer than this is handed out cut (and so fails as JSON) rather than buffered without bound.
    let maxLineBytes = 8 << 20

    /// The next line, or nil at the end of input. Valid until the next call.
    mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = newlineIndex() {
                defer { position = newline + 1 }
                return buffer[position..<newline]
            }
            if atEnd || buffer.count - position > maxLineBytes {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return buffer[position...]
            }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                position = 0
            }
            fill()
        }
    }

    /// The index of the next `\n` at or after `position`, found with `memchr` (vectorised by
    /// libc): the byte-by-byte `firstIndex(of:)` cost more per line than parsing the JSON keys.
    private func newlineIndex() -> Int? {
        buffer.withUnsafeBytes { raw -> Int? in
            guard position < raw.count, let base = raw.baseAddress else { return nil }
            guard let hit = memchr(base + position, 0x0A, raw.count - position) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    private mutating func fill() {
        let chunk = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress! + old, chunk) }
        } while n < 0 && errno == EINTR
        buffer.removeLast(chunk - max(n, 0))
        if n <= 0 { atEnd = true }
    }
}
