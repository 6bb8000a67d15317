/// What the lexicon knows about one term (word, emoji, emoticon or two-word phrase).
///
/// One table holds everything every analysis step wants to know about a term, so each token
/// is hashed once (in the tokenizer) and every step reads its answer by index.
struct TermInfo: Sendable, Hashable {
    /// Valence on VADER's scale (about -4…+4); 0 for function words.
    var valence: Float = 0
    /// Added to (or, when negative, taken from) the magnitude of the next valenced words.
    var booster: Float = 0
    /// Evidence this term adds to `intent` (see `IntentCues`).
    var intentWeight: Float = 0
    var flags: TermFlags = []
    /// Bit l set: a common (stop)word in `LanguageDetector.supported[l]`.
    var languages: UInt8 = 0
    /// Index into `Intent.Name.allCases` of the intent this term is a cue for, or -1.
    var intent: Int8 = -1
}

struct TermFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt16
    /// Flips the valence of the following words in its clause ("not", "never", "nunca").
    static let negator = TermFlags(rawValue: 1 << 0)
    /// Shifts weight from the clause before to the clause after ("but", "however").
    static let contrast = TermFlags(rawValue: 1 << 1)
    /// The first word of a two-word phrase in the table: only then is the pair looked up.
    static let startsPhrase = TermFlags(rawValue: 1 << 2)
    /// An English word that is a common function word elsewhere ("die", "war", "fine"):
    /// carries no valence when the post is not in English.
    static let englishOnly = TermFlags(rawValue: 1 << 3)
    /// A cheap sarcasm cue ("yeah right", "/s", 🙄).
    static let sarcasm = TermFlags(rawValue: 1 << 4)
    /// A word that, after a positive interjection, marks the praise as ironic ("another", "again").
    static let ironyTarget = TermFlags(rawValue: 1 << 5)
    /// "but"-like only when it opens the sentence or follows a comma ("yet", "though").
    static let weakContrast = TermFlags(rawValue: 1 << 6)
    /// Entered by the sentiment lexicon (the other steps' words share the table but must not
    /// change what the sentiment rules see).
    static let sentiment = TermFlags(rawValue: 1 << 7)
    /// The first word of a two-word intent cue ("still" of "still waiting").
    static let startsIntentPhrase = TermFlags(rawValue: 1 << 8)
    /// A filler word that is never a topic ("lol", "via").
    static let filler = TermFlags(rawValue: 1 << 9)
}

/// Collects the terms and their fields while the lexicon is assembled (once per process), then
/// `freeze()`s them into the `LexiconTable` the analysis reads.
struct LexiconBuilder {
    private var index: [[UInt8]: Int] = [:]
    private(set) var keys: [[UInt8]] = []
    private(set) var infos: [TermInfo] = []

    init() {}

    /// The index of `key`, or -1.
    func find(_ key: String) -> Int { index[Array(key.utf8)] ?? -1 }

    /// Adds `flag` to every entry so far.
    mutating func insertFlagInAll(_ flag: TermFlags) {
        for i in infos.indices { infos[i].flags.insert(flag) }
    }

    /// Inserts or updates `key`; `update` receives the existing (or default) info.
    mutating func upsert(_ key: String, _ update: (inout TermInfo) -> Void) {
        let bytes = Array(key.utf8)
        if let existing = index[bytes] {
            update(&infos[existing])
            return
        }
        var info = TermInfo()
        update(&info)
        index[bytes] = infos.count
        keys.append(bytes)
        infos.append(info)
    }

    /// The look-up table. Every two-word key ("still waiting") is also entered as a pair of
    /// its words' entries, so phrases are found from the two tokens' entries without building
    /// the phrase's bytes; words that only occur as a phrase's part get an empty entry (an entry
    /// with default fields reads exactly like a missing one in every analysis step).
    func freeze() -> LexiconTable {
        var builder = self
        var pairs: [(first: Int, second: Int, phrase: Int)] = []
        for (phrase, key) in keys.enumerated() {
            guard let space = key.firstIndex(of: 0x20), key.lastIndex(of: 0x20) == space, space > 0,
                space < key.count - 1
            else { continue }
            // A phrase word with a run of three letters would, as an entry, stop its elongated
            // spellings from being collapsed; none has one (checked here in debug builds and tests).
            assert(!key.withUnsafeBufferPointer { SocialTokenizer.hasRun($0) }, "phrase word with a run")
            let first = String(decoding: key[..<space], as: UTF8.self)
            let second = String(decoding: key[(space + 1)...], as: UTF8.self)
            builder.upsert(first) { _ in }
            builder.upsert(second) { _ in }
            pairs.append((builder.find(first), builder.find(second), phrase))
        }
        return LexiconTable(keys: builder.keys, infos: builder.infos, pairs: pairs)
    }
}

/// An open-addressing hash table from UTF-8 byte strings to `TermInfo`, built once per process.
///
/// Keys up to 16 bytes are compared as two 64-bit words (longer keys also compare their tail
/// in a byte arena), and the hash is one multiply over those words, so a look-up reads the
/// token's bytes with two loads and never allocates. Each slot holds its key's words, length,
/// entry number and token flags: a look-up touches one 32-byte slot (half a cache line) where
/// separate slot and key arrays cost two dependent cache misses per word (the table is ~0.5 MB,
/// larger than the L1 cache). Phrases are a second small table keyed by the two words' entry
/// numbers.
///
/// The table is one pointer to immutable memory that is never freed: it is built once per
/// process (`SentimentLexicon.standard`) and lives as long as the process, so copying it (every
/// analysis step holds one) costs no reference counting.
struct LexiconTable: @unchecked Sendable {
    /// A hash slot: one key's first 16 bytes (zero padded) and length, its entry number (-1 when
    /// the slot is empty), where its bytes past the 16th start in `arena`, and the token flags a
    /// token that is exactly this key gets (`SocialTokenizer.roles(ofKey:_:)`).
    struct Slot {
        var w0: UInt64
        var w1: UInt64
        var index: Int32
        var roles: UInt32
        var length: Int32
        var tail: Int32
    }

    struct PairSlot {
        var key: UInt64
        var phrase: Int32
    }

    /// Where everything lives.
    struct Storage {
        var slots: UnsafeMutablePointer<Slot>
        /// Each entry's token flags, by entry number (also in its slot).
        var roles: UnsafeMutablePointer<UInt32>
        var arena: UnsafeMutablePointer<UInt8>
        var infos: UnsafeMutablePointer<TermInfo>
        var pairs: UnsafeMutablePointer<PairSlot>
        var scanClasses: UnsafeMutablePointer<UInt8>
        var chunkLengths: UnsafeMutablePointer<UInt16>
        var languageShares: UnsafeMutablePointer<SIMD8<Float>>
        var strings: UnsafeMutablePointer<String>
        /// The keys of 1…8 bytes that are all ASCII digits ("143", "1337"), as zero-padded words.
        var digitKeys: UnsafeMutablePointer<UInt64>
        /// How many `digitKeys` there are, or -1 when too many to scan (every number is looked up).
        var digitKeyCount: Int
        var count: Int
        var shift: UInt64
        var mask: Int
        var pairMask: Int
    }

    private let storage: UnsafePointer<Storage>

    private var slots: UnsafeMutablePointer<Slot> { storage.pointee.slots }
    private var arena: UnsafeMutablePointer<UInt8> { storage.pointee.arena }
    private var pairs: UnsafeMutablePointer<PairSlot> { storage.pointee.pairs }
    private var shift: UInt64 { storage.pointee.shift }
    private var mask: Int { storage.pointee.mask }
    private var pairMask: Int { storage.pointee.pairMask }
    /// Every entry's fields, by entry number.
    var infos: UnsafePointer<TermInfo> { UnsafePointer(storage.pointee.infos) }
    var count: Int { storage.pointee.count }
    /// The tokenizer's outer loop: 1 for an ASCII word byte (letter, digit, "_"), 2 for
    /// whitespace (space, tab, CR, LF), 0 otherwise.
    var scanClasses: UnsafePointer<UInt8> { UnsafePointer(storage.pointee.scanClasses) }
    /// For each ASCII first byte, bit `k` set when some sentiment entry of `k` (< 16) bytes starts
    /// with it: a whitespace-delimited chunk ("#fail", ":-)") can only be such an entry when its
    /// bit is set, so most chunks (hashtags) skip the look-up.
    var chunkLengths: UnsafePointer<UInt16> { UnsafePointer(storage.pointee.chunkLengths) }
    /// Whether a token of 1…8 ASCII digits (`w0`, zero padded) may be a key: false when it is
    /// none of the few all-digit keys ("143", "1337"). Hashtag numbers ("#4821") are mostly
    /// distinct, so their look-ups miss the cache; this answers them from one small array.
    @inline(__always) func mayBeDigitKey(_ w0: UInt64) -> Bool {
        let n = storage.pointee.digitKeyCount
        if n < 0 { return true }
        let keys = storage.pointee.digitKeys
        var k = 0
        while k < n {
            if keys[k] == w0 { return true }
            k &+= 1
        }
        return false
    }

    /// `LanguageDetector.shares(mask)` for every mask (kept here, next to the entries' masks).
    var languageShares: UnsafePointer<SIMD8<Float>> { UnsafePointer(storage.pointee.languageShares) }

    /// Key `index` as a String (made once: topics that are a known word need not build one).
    @inline(__always) func key(_ index: Int) -> String { storage.pointee.strings[index] }

    fileprivate init(
        keys keyBytes: [[UInt8]], infos: [TermInfo], pairs pairList: [(first: Int, second: Int, phrase: Int)]
    ) {
        // At most half full: a miss (most words of a post are not entries) probes ~3 slots.
        var size = 16
        while size < keyBytes.count * 2 { size <<= 1 }
        var pairSize = 16
        while pairSize < pairList.count * 4 { pairSize <<= 1 }
        let arenaSize = keyBytes.reduce(0) { $0 + max(0, $1.count - 16) }
        let storage = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        // Slots start on a cache line, so no 32-byte slot straddles two lines.
        let slotMemory = UnsafeMutableRawPointer.allocate(
            byteCount: size * MemoryLayout<Slot>.stride, alignment: 64)
        storage.initialize(
            to: Storage(
                slots: slotMemory.bindMemory(to: Slot.self, capacity: size),
                roles: .allocate(capacity: max(1, keyBytes.count)),
                arena: .allocate(capacity: arenaSize + 16),
                infos: .allocate(capacity: max(1, infos.count)),
                pairs: .allocate(capacity: pairSize), scanClasses: .allocate(capacity: 256),
                chunkLengths: .allocate(capacity: 128),
                languageShares: .allocate(capacity: 128), strings: .allocate(capacity: max(1, keyBytes.count)),
                digitKeys: .allocate(capacity: Self.maxDigitKeys), digitKeyCount: 0, count: keyBytes.count,
                shift: UInt64(64 - size.trailingZeroBitCount), mask: size - 1, pairMask: pairSize - 1))
        self.storage = UnsafePointer(storage)
        let s = storage.pointee
        s.slots.initialize(repeating: Slot(w0: 0, w1: 0, index: -1, roles: 0, length: 0, tail: 0), count: size)
        s.pairs.initialize(repeating: PairSlot(key: .max, phrase: -1), count: pairSize)
        infos.withUnsafeBufferPointer { s.infos.initialize(from: $0.baseAddress!, count: infos.count) }
        s.scanClasses.initialize(repeating: 0, count: 256)
        s.chunkLengths.initialize(repeating: 0, count: 128)
        for (index, bytes) in keyBytes.enumerated()
        where infos[index].flags.contains(.sentiment) && bytes.count < 16 && bytes[0] < 0x80 {
            s.chunkLengths[Int(bytes[0])] |= 1 << bytes.count
        }
        for bytes in keyBytes where !bytes.isEmpty && bytes.count <= 8 && bytes.allSatisfy({ $0 &- 0x30 < 10 }) {
            if storage.pointee.digitKeyCount < 0 { break }
            if storage.pointee.digitKeyCount == Self.maxDigitKeys {
                storage.pointee.digitKeyCount = -1
                break
            }
            let w0 = Self.withPadded(bytes) { Self.words($0, bytes.count).0 }
            (s.digitKeys + storage.pointee.digitKeyCount).initialize(to: w0)
            storage.pointee.digitKeyCount += 1
        }
        for mask in 0..<128 { (s.languageShares + mask).initialize(to: LanguageDetector.shares(mask)) }
        for c in 0..<128 where (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x5F {
            s.scanClasses[c] = 1
        }
        for c in [0x20, 0x0A, 0x09, 0x0D] { s.scanClasses[c] = 2 }
        var tail = 0
        for (index, bytes) in keyBytes.enumerated() {
            let roles = Self.withPadded(bytes) { p in
                SocialTokenizer.roles(ofKey: UnsafeBufferPointer(start: p, count: bytes.count), infos[index]).rawValue
            }
            let (w0, w1) = Self.withPadded(bytes) { Self.words($0, bytes.count) }
            let slot = Slot(
                w0: w0, w1: w1, index: Int32(index), roles: roles, length: Int32(bytes.count), tail: Int32(tail))
            (s.roles + index).initialize(to: roles)
            (s.strings + index).initialize(to: String(decoding: bytes, as: UTF8.self))
            if bytes.count > 16 {
                for b in bytes[16...] {
                    s.arena[tail] = b
                    tail += 1
                }
            }
            let h = Self.withPadded(bytes) { Self.hash($0, bytes.count) }
            var i = Int(truncatingIfNeeded: h &>> s.shift)
            while s.slots[i].index >= 0 { i = (i + 1) & s.mask }
            s.slots[i] = slot
        }
        for pair in pairList {
            let key = UInt64(UInt32(pair.first)) << 32 | UInt64(UInt32(pair.second))
            var i = Self.pairSlot(key, s.pairMask)
            while s.pairs[i].key != .max && s.pairs[i].key != key { i = (i + 1) & s.pairMask }
            s.pairs[i] = PairSlot(key: key, phrase: Int32(pair.phrase))
        }
    }

    /// At most this many all-digit keys are kept for `mayBeDigitKey` (the lexicon has six).
    static let maxDigitKeys = 16

    /// Runs `body` on a copy of `bytes` followed by 16 zero bytes (look-ups read 16 at a time).
    private static func withPadded<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>) -> R) -> R {
        let padded = bytes + [UInt8](repeating: 0, count: 16)
        return padded.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The first 16 bytes of a `length`-byte key at `p` as two little-endian words, zero padded.
    /// `p` must have 16 readable bytes (the analyser's buffers keep 16 spare bytes).
    @inline(__always) static func words(_ p: UnsafePointer<UInt8>, _ length: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        var w0 = raw.loadUnaligned(as: UInt64.self)
        var w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if length < 8 {
            w0 &= (1 &<< UInt64(length &* 8)) &- 1
            w1 = 0
        } else if length < 16 {
            w1 &= (1 &<< UInt64((length &- 8) &* 8)) &- 1
        }
        return (w0, w1)
    }

    @inline(__always) private static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let (w0, w1) = Self.words(p, length)
        var x = w0 ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        if length > 16 { x ^= Self.tailHash(p, length) }
        return x &* 0x9E37_79B9_7F4A_7C15
    }

    private static func tailHash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in 16..<length { h = (h ^ UInt64(p[k])) &* 0x100_0000_01B3 }
        return h
    }

    @inline(__always) private static func pairSlot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 40) & mask
    }

    /// The entry number of the `length` bytes at `p`, or -1. `p` must have 16 readable bytes
    /// (the bytes past the key are ignored).
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int { lookup(p, length).index }

    /// `find`, with the entry's token flags (`roles`) read from the same slot (0 when not found).
    @inline(__always) func lookup(_ p: UnsafePointer<UInt8>, _ length: Int) -> (index: Int, roles: TokenFlags) {
        let (w0, w1) = Self.words(p, length)
        return lookup(words: w0, w1, p, length)
    }

    /// `lookup` of a key whose first 16 bytes, zero padded, are already in registers (`words`):
    /// bytes just stored one at a time are not re-read as words (a load that spans several
    /// pending stores waits for them all). `p` is read only past the 16th byte.
    @inline(__always) func lookup(words w0: UInt64, _ w1: UInt64, _ p: UnsafePointer<UInt8>, _ length: Int) -> (
        index: Int, roles: TokenFlags
    ) {
        var x = w0 ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        if length > 16 { x ^= Self.tailHash(p, length) }
        let h = x &* 0x9E37_79B9_7F4A_7C15
        var i = Int(truncatingIfNeeded: h &>> shift)
        let slots = self.slots
        while true {
            let slot = slots + i
            // An empty slot is all zeros but for its index (-1): it can only match a zero-length
            // key, and then its index is the answer anyway. A hit and an empty slot end the
            // probe the same way (an empty slot's index and roles are the miss's -1 and []). The
            // words and length are compared in one expression (fewer instructions; the compiler
            // may still branch on each word).
            let differs =
                (slot.pointee.w0 ^ w0) | (slot.pointee.w1 ^ w1)
                | UInt64(truncatingIfNeeded: Int(slot.pointee.length) ^ length)
            let hit = differs == 0 && (length <= 16 || sameTail(p, length, Int(slot.pointee.tail)))
            if hit || slot.pointee.index < 0 {
                return (Int(slot.pointee.index), TokenFlags(rawValue: slot.pointee.roles))
            }
            i = (i &+ 1) & mask
        }
    }

    /// The token flags of a token that is exactly key `index` (see `Slot.roles`).
    @inline(__always) func roles(_ index: Int) -> TokenFlags { TokenFlags(rawValue: storage.pointee.roles[index]) }

    private func sameTail(_ p: UnsafePointer<UInt8>, _ length: Int, _ tail: Int) -> Bool {
        for k in 16..<length where arena[tail + k - 16] != p[k] { return false }
        return true
    }

    /// The entry number of `bytes` (any buffer: copied with padding when short), or -1.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 16) { buffer in
            let p = buffer.baseAddress!
            p.initialize(repeating: 0, count: bytes.count + 16)
            if let base = bytes.baseAddress { p.update(from: base, count: bytes.count) }
            return find(UnsafePointer(p), bytes.count)
        }
    }

    func find(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { find($0) }
    }

    /// The phrase entry made of entries `first` and `second` ("still" + "waiting"), or -1.
    @inline(__always) func pair(_ first: Int32, _ second: Int32) -> Int {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        var i = Self.pairSlot(key, pairMask)
        while true {
            let slot = pairs[i]
            if slot.key == key { return Int(slot.phrase) }
            if slot.key == .max { return -1 }
            i = (i &+ 1) & pairMask
        }
    }

    /// Looks up tokens `i` and `i + 1` of `text` as one space-separated phrase, or -1.
    ///
    /// Same answer as looking up their bytes joined by a space: a token's `term` is the entry of
    /// its own bytes unless it was `collapsed` (then its bytes are no key, so no phrase starts or
    /// ends with them), and every phrase word has an entry, so a token without one ends no
    /// phrase. Mentions are never looked up, so they take the byte path.
    func findPair(_ text: TokenizedText, _ i: Int) -> Int {
        let a = text.tokens[i]
        let b = text.tokens[i + 1]
        if a.flags.contains(.clauseEnd) || a.term < 0 || a.flags.contains(.collapsed) { return -1 }
        if b.flags.contains(.mention) { return findPairBytes(text, a, b) }
        if b.term < 0 || b.flags.contains(.collapsed) { return -1 }
        return pair(a.term, b.term)
    }

    private func findPairBytes(_ text: TokenizedText, _ a: Token, _ b: Token) -> Int {
        let length = Int(a.length + b.length) + 1
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + 16) { key in
            var k = 0
            for j in Int(a.start)..<Int(a.start + a.length) {
                key[k] = text.bytes[j]
                k += 1
            }
            key[k] = 0x20
            k += 1
            for j in Int(b.start)..<Int(b.start + b.length) {
                key[k] = text.bytes[j]
                k += 1
            }
            return find(UnsafePointer(key.baseAddress!), length)
        }
    }
}
