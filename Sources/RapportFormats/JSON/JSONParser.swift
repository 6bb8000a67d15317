/// A strict, fast JSON parser over UTF-8 bytes (RFC 8259).
///
/// Why not Foundation: `JSONSerialization` on Linux boxes every value into `NSObject`s and
/// is several times slower than the X stream needs. This parser walks the bytes once,
/// validates UTF-8 strictly (no overlongs, no surrogates, nothing above U+10FFFF), checks
/// `\u` escapes (surrogate pairs joined, lone surrogates rejected), bounds nesting depth
/// so hostile input cannot exhaust memory, and writes a flat token tape. Connectors read
/// the tape through ``JSONNode`` without building keys or unused values; ``JSONValue`` is
/// the materialised tree for everyone else. Errors carry the byte offset of the problem.
public enum JSONParser {
    /// Nesting deeper than this is rejected with `too_deep`.
    public static let defaultMaxDepth = 128

    /// Parses one complete JSON text (surrounding whitespace allowed) into a tree.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth
    ) throws(FormatError) -> JSONValue {
        try withDocument(bytes, maxDepth: maxDepth) { root throws(FormatError) in JSONValue(root) }
    }

    /// Parses one complete JSON text from an array of bytes.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(FormatError) -> JSONValue {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FormatError) in try parse(raw, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses one complete JSON text from a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(FormatError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses `bytes` and hands the root to `body`. The node and everything reached from
    /// it are valid only inside `body`: they point into `bytes` and the tape.
    static func withDocument<T>(
        _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth,
        _ body: (JSONNode) throws(FormatError) -> T
    ) throws(FormatError) -> T {
        let input = bytes.bindMemory(to: UInt8.self)
        guard input.count < Int(UInt32.max) else {
            throw FormatError(.documentTooLarge, "JSON document over 4 GiB")
        }
        // A small document's tape starts on the stack: one `rapport analyze` line needs about
        // twenty tokens, and a heap tape per line cost a malloc and a free.
        if JSONTokenizer.initialCapacity(input.count) <= stackTokens {
            return try withUnsafeTemporaryAllocation(of: JSONToken.self, capacity: stackTokens) {
                scratch throws(FormatError) -> T in
                var tokenizer = JSONTokenizer(bytes: input, maxDepth: maxDepth, scratch: scratch)
                defer { tokenizer.deallocate() }
                try tokenizer.parseDocument()
                return try body(JSONNode(tokens: tokenizer.tokens, bytes: input, index: 0))
            }
        }
        var tokenizer = JSONTokenizer(bytes: input, maxDepth: maxDepth)
        defer { tokenizer.deallocate() }
        try tokenizer.parseDocument()
        return try body(JSONNode(tokens: tokenizer.tokens, bytes: input, index: 0))
    }

    /// Tokens of the stack tape: 42 × 24 bytes stays under the 1 KiB that
    /// `withUnsafeTemporaryAllocation` always places on the stack.
    private static var stackTokens: Int { 42 }
}
