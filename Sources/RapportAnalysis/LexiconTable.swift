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

/// An open-addressing hash table from UTF-8 byte strings to `TermInfo`.
///
/// Keys live in one contiguous byte arena and lookups take a raw buffer, so finding a
/// token never allocates: the analyser hashes the lower-cased bytes it already holds.
struct LexiconTable: Sendable {
    /// Where one key lives in the arena, with its hash: one cache line answers most probes.
    private struct Key: Sendable {
        var hash: UInt32
        var start: Int32
        var length: Int32
    }

    private var slots: [Int32]
    private var keys: [Key] = []
    private var arena: [UInt8] = []
    private(set) var infos: [TermInfo] = []
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    static let hashSeed: UInt32 = 2_166_136_261

    /// One FNV-1a step.
    @inline(__always) static func hash(_ h: UInt32, _ b: UInt8) -> UInt32 {
        (h ^ UInt32(b)) &* 16_777_619
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h = hashSeed
        for b in bytes { h = hash(h, b) }
        return h
    }

    /// The index of `bytes` in `infos`, or -1.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        find(bytes, hash: Self.hash(bytes))
    }

    /// The index of `bytes`, whose hash the caller already has, in `infos`, or -1.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int {
        var i = Int(h) & mask
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                arena.withUnsafeBufferPointer { arenaBuf in
                    while true {
                        let e = Int(slots[i])
                        if e < 0 { return -1 }
                        let key = keys[e]
                        if key.hash == h && Int(key.length) == bytes.count {
                            let start = Int(key.start)
                            var same = true
                            var k = 0
                            while k < bytes.count {
                                if arenaBuf[start + k] != bytes[k] {
                                    same = false
                                    break
                                }
                                k += 1
                            }
                            if same { return e }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// Looks up tokens `i` and `i + 1` of `text` as one space-separated phrase, or -1.
    func findPair(_ text: TokenizedText, _ i: Int) -> Int {
        let a = text.tokens[i]
        let b = text.tokens[i + 1]
        if a.flags.contains(.clauseEnd) { return -1 }
        let length = Int(a.length + b.length) + 1
        // One pass copies the key and hashes it; the bytes are read through one pointer.
        return text.bytes.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { key in
                var h = Self.hashSeed
                var k = 0
                for j in Int(a.start)..<Int(a.start + a.length) {
                    key[k] = bytes[j]
                    h = Self.hash(h, bytes[j])
                    k += 1
                }
                key[k] = 0x20
                h = Self.hash(h, 0x20)
                k += 1
                for j in Int(b.start)..<Int(b.start + b.length) {
                    key[k] = bytes[j]
                    h = Self.hash(h, bytes[j])
                    k += 1
                }
                return find(UnsafeBufferPointer(key), hash: h)
            }
        }
    }

    /// The entry for a token's own bytes, or -1.
    func find(_ text: TokenizedText, _ token: Token) -> Int {
        text.bytes.withUnsafeBufferPointer {
            find(UnsafeBufferPointer(rebasing: $0[Int(token.start)..<Int(token.start + token.length)]))
        }
    }

    func find(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { find($0) }
    }

    /// Adds `flag` to every entry so far.
    mutating func insertFlagInAll(_ flag: TermFlags) {
        for i in infos.indices { infos[i].flags.insert(flag) }
    }

    /// Inserts or updates `key`; `update` receives the existing (or default) info.
    mutating func upsert(_ key: String, _ update: (inout TermInfo) -> Void) {
        var key = key
        let existing = find(key)
        if existing >= 0 {
            update(&infos[existing])
            return
        }
        if infos.count * 2 >= slots.count { grow() }
        var info = TermInfo()
        update(&info)
        let index = infos.count
        key.withUTF8 { bytes in
            keys.append(Key(hash: Self.hash(bytes), start: Int32(arena.count), length: Int32(bytes.count)))
            arena.append(contentsOf: bytes)
        }
        infos.append(info)
        place(index)
    }

    private mutating func place(_ index: Int) {
        var i = Int(keys[index].hash) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(index)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for index in infos.indices { place(index) }
    }
}
