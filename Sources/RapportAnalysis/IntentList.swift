/// The intents of a `PostAnalysis`, stored without heap memory.
///
/// The classifier gives at most six intents, each with a confidence rounded to two decimals, so
/// its list packs into one word: 10 bits per intent (the name's index in `Intent.Name.allCases`,
/// 3 bits, and the confidence in hundredths, 7 bits), most confident first. Keeping that instead
/// of an `[Intent]` saves a post an array (or a shared array's reference count: an atomic
/// increment when made and a decrement when freed). `array` makes the array when someone reads
/// it, with exactly the Doubles the classifier computed (`Double(k) / 100` is the classifier's
/// `(x * 100).rounded() / 100`). Intents assigned from outside the analyser are kept as a plain
/// array, so any list round-trips exactly.
struct IntentList: Sendable {
    /// Intent `i` in bits `10 i ..< 10 i + 10`: name index, then hundredths.
    private var packed: UInt64 = 0
    /// Number of packed intents (0 with `list` nil: no intents).
    private var packedCount: UInt8 = 0
    /// The intents when they are not packed.
    private var list: [Intent]?

    init() {}

    init(_ intents: [Intent]) {
        if !intents.isEmpty { list = intents }
    }

    /// Appends an intent given by its name's index (0…5) and its confidence in hundredths;
    /// false when it cannot be packed (a seventh intent, or a confidence outside 0…1), and
    /// then the list is unchanged.
    mutating func append(nameIndex: Int, hundredths: Int) -> Bool {
        guard list == nil, packedCount < 6, hundredths >= 0, hundredths <= 100, nameIndex >= 0, nameIndex < 6
        else { return false }
        packed |= UInt64(nameIndex | hundredths << 3) << (10 * UInt64(packedCount))
        packedCount += 1
        return true
    }

    var count: Int { list?.count ?? Int(packedCount) }

    var isEmpty: Bool { count == 0 }

    /// Intent `i` (`0 ..< count`).
    subscript(i: Int) -> Intent {
        if let list { return list[i] }
        let bits = Int(truncatingIfNeeded: packed >> (10 * UInt64(i))) & 0x3FF
        return Intent(name: Self.name(bits & 7), confidence: Double(bits >> 3) / 100)
    }

    /// The name of intent `i` (`0 ..< count`), without its confidence.
    func name(_ i: Int) -> Intent.Name {
        if let list { return list[i].name }
        return Self.name(Int(truncatingIfNeeded: packed >> (10 * UInt64(i))) & 7)
    }

    /// The intents, in order.
    var array: [Intent] {
        if let list { return list }
        var out: [Intent] = []
        out.reserveCapacity(Int(packedCount))
        for i in 0..<Int(packedCount) { out.append(self[i]) }
        return out
    }

    /// `Intent.Name.allCases[k]` without building the array.
    static func name(_ k: Int) -> Intent.Name {
        switch k {
        case 0: .complaint
        case 1: .question
        case 2: .praise
        case 3: .purchaseIntent
        case 4: .churnThreat
        default: .noise
        }
    }

    /// The index of `name` in `Intent.Name.allCases`.
    static func index(of name: Intent.Name) -> Int {
        switch name {
        case .complaint: 0
        case .question: 1
        case .praise: 2
        case .purchaseIntent: 3
        case .churnThreat: 4
        case .noise: 5
        }
    }
}

extension IntentList: Hashable {
    /// Equal when the intents are, whichever form holds them.
    static func == (a: IntentList, b: IntentList) -> Bool {
        if a.list == nil && b.list == nil { return a.packedCount == b.packedCount && a.packed == b.packed }
        return a.array == b.array
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(array)
    }
}
